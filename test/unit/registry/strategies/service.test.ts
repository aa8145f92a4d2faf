import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { serviceStrategy } from '../../../../server/registry/strategies/service.js';
import { inServiceRange } from '../../../../server/registry/strategies/service-allocation.js';
import { created, runCreate, runStatusUpdate, runUpdate } from './strategy-harness.js';

type Json = Record<string, any>;

function service(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', ...metadata },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
}

const spec = (obj: KubeObject) => obj.spec as Json;

/** Node ports and dynamically allocated cluster IPs come from the upper part of their ranges. */
function assertAllocatedIP(ip: string): void {
  assert.ok(inServiceRange(ip), ip);
  assert.ok(!ip.startsWith('10.96.0.'), `${ip} is in the static band`);
}

function assertNodePort(port: unknown): void {
  assert.ok(typeof port === 'number' && port >= 30000 && port <= 32767, String(port));
}

test('SetDefaults_Service and the allocator: a ClusterIP service with everything filled in', () => {
  const { obj, errors } = runCreate(serviceStrategy, service());
  assert.deepEqual(errors, []);
  const s = spec(obj);
  assertAllocatedIP(s.clusterIP);
  assert.deepEqual(s.clusterIPs, [s.clusterIP]);
  assert.deepEqual(
    [s.type, s.sessionAffinity, s.ipFamilyPolicy, s.ipFamilies, s.internalTrafficPolicy, s.externalTrafficPolicy],
    ['ClusterIP', 'None', 'SingleStack', ['IPv4'], 'Cluster', undefined],
  );
  assert.deepEqual(s.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  assert.deepEqual(obj.status, { loadBalancer: {} });
});

test('every create draws its own cluster IP', () => {
  const ips = new Set(Array.from({ length: 20 }, () => spec(runCreate(serviceStrategy, service()).obj).clusterIP));
  assert.ok(ips.size > 1);
});

test('what the client chose is kept', () => {
  const cases: Array<{ name: string; given: Json; want: Json }> = [
    { name: 'a cluster IP of its own, mirrored into clusterIPs', given: { clusterIP: '10.96.0.10' }, want: { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] } },
    { name: 'headless', given: { clusterIP: 'None' }, want: { clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } },
    {
      name: 'headless without selector may have both families',
      given: { clusterIP: 'None', selector: undefined, ipFamilyPolicy: 'PreferDualStack' },
      want: { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' },
    },
    { name: 'PreferDualStack on a single-stack cluster', given: { ipFamilyPolicy: 'PreferDualStack' }, want: { ipFamilies: ['IPv4'] } },
    { name: 'a named target port', given: { ports: [{ port: 80, targetPort: 'http', protocol: 'UDP' }] }, want: { ports: [{ port: 80, targetPort: 'http', protocol: 'UDP' }] } },
    {
      name: 'ClientIP affinity gets its default timeout',
      given: { sessionAffinity: 'ClientIP' },
      want: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
    },
    { name: 'None affinity drops a config', given: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } }, want: { sessionAffinityConfig: undefined } },
  ];
  for (const c of cases) {
    const { obj, errors } = runCreate(serviceStrategy, service(c.given));
    assert.deepEqual(errors, [], c.name);
    for (const [key, value] of Object.entries(c.want)) assert.deepEqual(spec(obj)[key], value, `${c.name}: ${key}`);
  }
});

test('NodePort and LoadBalancer services get node ports, and a health check port when traffic stays local', () => {
  const nodePort = spec(runCreate(serviceStrategy, service({ type: 'NodePort', ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https', nodePort: 30443 }] })).obj);
  assertNodePort(nodePort.ports[0].nodePort);
  assert.notEqual(nodePort.ports[0].nodePort, 30443);
  assert.equal(nodePort.ports[1].nodePort, 30443);
  assert.equal(nodePort.externalTrafficPolicy, 'Cluster');
  const shared = spec(runCreate(serviceStrategy, service({ type: 'NodePort', ports: [{ port: 53, name: 'udp', protocol: 'UDP' }, { port: 53, name: 'tcp' }] })).obj);
  assert.equal(shared.ports[0].nodePort, shared.ports[1].nodePort, 'one node port per port number');
  const { obj, errors } = runCreate(serviceStrategy, service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
  assert.deepEqual(errors, []);
  assert.equal(spec(obj).allocateLoadBalancerNodePorts, true);
  assertNodePort(spec(obj).ports[0].nodePort);
  assertNodePort(spec(obj).healthCheckNodePort);
  const noNodePorts = spec(runCreate(serviceStrategy, service({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })).obj);
  assert.equal(noNodePorts.ports[0].nodePort, undefined);
});

test('an ExternalName service has no cluster IP, families or internal policy', () => {
  const { obj, errors } = runCreate(serviceStrategy, service({ type: 'ExternalName', externalName: 'db.example.com.', ports: undefined }));
  assert.deepEqual(errors, []);
  const s = spec(obj);
  assert.deepEqual([s.clusterIP, s.clusterIPs, s.ipFamilies, s.ipFamilyPolicy, s.internalTrafficPolicy], [undefined, undefined, undefined, undefined, undefined]);
});

test('ValidateService', () => {
  const cases: Array<{ name: string; spec: Json; want: string[] }> = [
    { name: 'ports are required', spec: { ports: [] }, want: ['spec.ports: Required value'] },
    { name: 'but not for headless services', spec: { ports: [], clusterIP: 'None' }, want: [] },
    {
      name: 'port numbers and names',
      spec: { ports: [{ port: 0, name: 'web' }, { port: 81, name: 'web' }, { port: 82 }] },
      want: [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[1].name: Duplicate value: "web"',
        'spec.ports[2].name: Required value',
      ],
    },
    { name: 'protocol', spec: { ports: [{ port: 80, protocol: 'HTTP' }] }, want: ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'] },
    {
      name: 'the same port twice',
      spec: { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] },
      want: ['spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}'],
    },
    {
      name: 'node ports need a node-port type',
      spec: { ports: [{ port: 80, nodePort: 30080 }] },
      want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
    {
      name: 'a cluster IP outside the service range',
      spec: { clusterIP: '10.0.0.1' },
      want: ['spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    },
    { name: 'an IPv6 cluster IP', spec: { clusterIP: 'fd00::1' }, want: ['spec.clusterIPs[0]: Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster'] },
    { name: 'an IPv6 family', spec: { ipFamilies: ['IPv6'] }, want: ['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'] },
    {
      name: 'dual-stack demanded',
      spec: { ipFamilyPolicy: 'RequireDualStack' },
      want: ['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'],
    },
    {
      name: 'clusterIPs that disagree with clusterIP',
      spec: { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] },
      want: ['spec.clusterIPs: Invalid value: ["10.96.0.11"]: first value must match `clusterIP`'],
    },
    { name: 'a malformed cluster IP', spec: { clusterIP: '10.96.0.300' }, want: ['spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
    { name: 'an unknown type', spec: { type: 'Ingress' }, want: ['spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'] },
    { name: 'an ExternalName needs the name', spec: { type: 'ExternalName', ports: undefined }, want: ['spec.externalName: Required value'] },
    {
      name: 'an ExternalName with a cluster IP',
      spec: { type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.10' },
      want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
    },
    {
      name: 'affinity',
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } },
      want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'],
    },
    { name: 'an unknown affinity', spec: { sessionAffinity: 'Cookie' }, want: ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'] },
    {
      name: 'an external policy on an internal service',
      spec: { externalTrafficPolicy: 'Local' },
      want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    },
    {
      name: 'load-balancer fields on another type',
      spec: { loadBalancerSourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'example.com/lb', allocateLoadBalancerNodePorts: true },
      want: [
        "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
        "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
        "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
      ],
    },
    {
      name: 'the kubelet port on a load balancer',
      spec: { type: 'LoadBalancer', ports: [{ port: 10250 }] },
      want: ['spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet'],
    },
    {
      name: 'a headless NodePort',
      spec: { type: 'NodePort', clusterIP: 'None' },
      want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"],
    },
    {
      name: 'external IPs that name no endpoint',
      spec: { externalIPs: ['127.0.0.1', 'x'] },
      want: [
        'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'spec.externalIPs[1]: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    },
    {
      name: 'a node port outside the range',
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] },
      want: ['spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    { name: 'trafficDistribution', spec: { trafficDistribution: 'Nearest' }, want: ['spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose"'] },
  ];
  for (const c of cases) assert.deepEqual(runCreate(serviceStrategy, service(c.spec)).errors, c.want, c.name);
});

test('names are DNS-1035 labels', () => {
  assert.equal(serviceStrategy.nameRule, 'dns1035');
});

test('an update resubmitting the manifest keeps what was allocated', () => {
  const old = created(serviceStrategy, service({ type: 'NodePort', ports: [{ port: 80, name: 'http' }] }));
  const { obj, errors } = runUpdate(serviceStrategy, old, service({ type: 'NodePort', ports: [{ port: 80, name: 'http' }] }));
  assert.deepEqual(errors, []);
  assert.deepEqual([spec(obj).clusterIP, spec(obj).clusterIPs, spec(obj).ports[0].nodePort], [spec(old).clusterIP, spec(old).clusterIPs, spec(old).ports[0].nodePort]);
  const oldOnlyClient = runUpdate(serviceStrategy, old, { ...old, spec: { ...spec(old), clusterIPs: undefined } }).obj;
  assert.deepEqual(spec(oldOnlyClient).clusterIPs, spec(old).clusterIPs, 'a client that knows only clusterIP');
});

test('ValidateServiceUpdate: the primary cluster IP and family never change', () => {
  const old = created(serviceStrategy, service({ clusterIP: '10.96.0.20' }));
  const moved = runUpdate(serviceStrategy, old, service({ clusterIP: '10.96.0.21' }));
  assert.deepEqual(moved.errors, ['spec.clusterIPs[0]: Invalid value: ["10.96.0.21"]: may not change once set']);
  const headless = runUpdate(serviceStrategy, old, service({ clusterIP: 'None' }));
  assert.deepEqual(headless.errors, ['spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']);
});

test('type changes: fields of the old type go, what the new one needs is allocated', () => {
  const clusterIP = created(serviceStrategy, service());
  const toNodePort = runUpdate(serviceStrategy, clusterIP, { ...clusterIP, spec: { ...spec(clusterIP), type: 'NodePort' } });
  assert.deepEqual(toNodePort.errors, []);
  assertNodePort(spec(toNodePort.obj).ports[0].nodePort);
  assert.equal(spec(toNodePort.obj).clusterIP, spec(clusterIP).clusterIP);

  const back = runUpdate(serviceStrategy, toNodePort.obj, { ...toNodePort.obj, spec: { ...spec(toNodePort.obj), type: 'ClusterIP' } });
  assert.deepEqual(back.errors, []);
  assert.equal(spec(back.obj).ports[0].nodePort, undefined);
  assert.equal(spec(back.obj).externalTrafficPolicy, undefined);

  const external = { ...clusterIP, spec: { ...spec(clusterIP), type: 'ExternalName', externalName: 'db.example.com' } };
  const toExternal = runUpdate(serviceStrategy, clusterIP, external);
  assert.deepEqual(toExternal.errors, []);
  assert.deepEqual([spec(toExternal.obj).clusterIP, spec(toExternal.obj).ipFamilies, spec(toExternal.obj).ipFamilyPolicy], [undefined, undefined, undefined]);

  const fromExternal = runUpdate(serviceStrategy, toExternal.obj, { ...toExternal.obj, spec: { ...spec(toExternal.obj), type: 'ClusterIP' } });
  assert.deepEqual(fromExternal.errors, []);
  assertAllocatedIP(spec(fromExternal.obj).clusterIP);
});

test('ValidateServiceStatusUpdate', () => {
  const lb = created(serviceStrategy, service({ type: 'LoadBalancer' }));
  const ip = { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } };
  // The ipMode default comes from SetDefaults_Service, which runs on the request body before the status write.
  const defaulted = structuredClone(ip) as Json;
  serviceStrategy.applyDefaults?.({ ...lb, status: defaulted });
  const written = runStatusUpdate(serviceStrategy, lb, defaulted);
  assert.deepEqual(written.errors, []);
  assert.deepEqual(written.obj.status, { loadBalancer: { ingress: [{ ip: '203.0.113.7', ipMode: 'VIP' }] } });

  const cases: Array<{ name: string; svc: KubeObject; status: Json; want: string[] }> = [
    { name: 'an empty status keeps its loadBalancer', svc: lb, status: {}, want: [] },
    {
      name: 'no ingress on other types',
      svc: created(serviceStrategy, service()),
      status: ip,
      want: ["status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'"],
    },
    {
      name: 'ingress points',
      svc: lb,
      status: { loadBalancer: { ingress: [{ ip: 'x', ipMode: 'VIP' }, { hostname: '1.2.3.4', ipMode: 'Proxy' }, { ip: '1.2.3.4', ipMode: 'Tunnel' }, { ip: '1.2.3.5' }] } },
      want: [
        'status.loadBalancer.ingress[0].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'status.loadBalancer.ingress[1].ipMode: Forbidden: may not be specified when `ip` is not set',
        'status.loadBalancer.ingress[1].hostname: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
        'status.loadBalancer.ingress[2].ipMode: Unsupported value: "Tunnel": supported values: "Proxy", "VIP"',
        'status.loadBalancer.ingress[3].ipMode: Required value: must be specified when `ip` is set',
      ],
    },
    {
      name: 'conditions',
      svc: lb,
      status: { conditions: [{ type: 'Ready', status: 'Maybe', reason: '1bad' }, { type: 'Ready', status: 'True', reason: 'Fine', lastTransitionTime: '2024-01-01T00:00:00Z' }] },
      want: [
        'status.conditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"',
        'status.conditions[0].lastTransitionTime: Required value: must be set',
        "status.conditions[0].reason: Invalid value: \"1bad\": a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_'",
        'status.conditions[1].type: Duplicate value: "Ready"',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runStatusUpdate(serviceStrategy, c.svc, c.status).errors, c.want, c.name);
  assert.deepEqual(runStatusUpdate(serviceStrategy, lb, {}).obj.status, { loadBalancer: {} });
});

test('spec.clusterIP and spec.type are selectable fields', () => {
  const svc = created(serviceStrategy, service({ clusterIP: 'None' }));
  assert.equal(serviceStrategy.selectableFields?.['spec.clusterIP'](svc), 'None');
  assert.equal(serviceStrategy.selectableFields?.['spec.type'](svc), 'ClusterIP');
});
