import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { podStrategy } from '../../../../server/registry/strategies/pod.js';
import { created, runCreate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function pod(spec: Json, extra: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, ...extra };
}

const C = { name: 'c', image: 'nginx:1.25' };

function specOf(obj: KubeObject): Json {
  return obj.spec as Json;
}

test('SetDefaults_PodSpec, SetDefaults_Container and SetDefaults_Pod fill a minimal pod', () => {
  const { obj, errors } = runCreate(podStrategy, pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] }));
  assert.deepEqual(errors, []);
  assert.deepEqual(obj.spec, {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        resources: {},
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    // DefaultTolerationSeconds admission, run on create.
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  });
});

test('imagePullPolicy defaults to Always only for :latest or an untagged image', () => {
  const cases: Array<[string, string]> = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['registry.example.com:5000/team/app:v2', 'IfNotPresent'],
    ['localhost/app', 'Always'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['Nginx', 'IfNotPresent'],
  ];
  for (const [image, want] of cases) {
    const { obj } = runCreate(podStrategy, pod({ containers: [{ name: 'c', image }] }));
    assert.equal((specOf(obj).containers as Json[])[0].imagePullPolicy, want, image);
  }
  const explicit = runCreate(podStrategy, pod({ containers: [{ ...C, imagePullPolicy: 'Never' }] })).obj;
  assert.equal((specOf(explicit).containers as Json[])[0].imagePullPolicy, 'Never');
});

test('SetDefaults_Pod copies limits into missing requests, for init containers too', () => {
  const resources = { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } };
  const { obj } = runCreate(podStrategy, pod({ containers: [{ ...C, resources }], initContainers: [{ name: 'i', image: 'busybox', resources }] }));
  for (const list of ['containers', 'initContainers']) {
    assert.deepEqual((specOf(obj)[list] as Json[])[0].resources, {
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '100m', memory: '128Mi' },
    });
  }
});

test('SetDefaults_Pod: with hostNetwork, host ports default to container ports', () => {
  const { obj, errors } = runCreate(podStrategy, pod({ hostNetwork: true, containers: [{ ...C, ports: [{ containerPort: 8080 }] }] }));
  assert.deepEqual(errors, []);
  assert.deepEqual((specOf(obj).containers as Json[])[0].ports, [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
});

test('serviceAccount is an alias of serviceAccountName', () => {
  const cases: Array<{ name: string; given: Json; want: Json }> = [
    { name: 'only the alias', given: { serviceAccount: 'a' }, want: { serviceAccountName: 'a', serviceAccount: 'a' } },
    { name: 'only the name', given: { serviceAccountName: 'b' }, want: { serviceAccountName: 'b', serviceAccount: 'b' } },
    { name: 'the name wins', given: { serviceAccountName: 'b', serviceAccount: 'a' }, want: { serviceAccountName: 'b', serviceAccount: 'b' } },
    { name: 'neither', given: {}, want: {} },
  ];
  for (const c of cases) {
    const spec = specOf(runCreate(podStrategy, pod({ ...c.given, containers: [C] })).obj);
    assert.deepEqual({ serviceAccountName: spec.serviceAccountName, serviceAccount: spec.serviceAccount }, {
      serviceAccountName: c.want.serviceAccountName,
      serviceAccount: c.want.serviceAccount,
    }, c.name);
  }
});

test('volume and probe defaults', () => {
  const spec = specOf(
    runCreate(
      podStrategy,
      pod({
        serviceAccountName: 'default',
        volumes: [
          { name: 'none' },
          { name: 'cm', configMap: { name: 'x' } },
          { name: 'sec', secret: { secretName: 'x' } },
          { name: 'host', hostPath: { path: '/var/log' } },
          { name: 'down', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        ],
        containers: [{ ...C, livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } }],
      }),
    ).obj,
  );
  assert.deepEqual(spec.volumes, [
    { name: 'none', emptyDir: {} },
    { name: 'cm', configMap: { name: 'x', defaultMode: 420 } },
    { name: 'sec', secret: { secretName: 'x', defaultMode: 420 } },
    { name: 'host', hostPath: { path: '/var/log', type: '' } },
    { name: 'down', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }], defaultMode: 420 } },
    { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }], defaultMode: 420 } },
  ]);
  const ctr = (spec.containers as Json[])[0];
  assert.deepEqual(ctr.livenessProbe, {
    httpGet: { port: 80, path: '/', scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.equal((ctr.readinessProbe as Json).periodSeconds, 5);
});

test('PrepareForCreate: status is reset to Pending with the computed QoS class', () => {
  const { obj } = runCreate(podStrategy, pod({ containers: [C] }, { status: { phase: 'Running', podIP: '10.0.0.1' } }));
  assert.deepEqual(obj.status, { phase: 'Pending', qosClass: 'BestEffort' });
});

test('PrepareForCreate: a gated pod starts with PodScheduled=False/SchedulingGated', () => {
  const input = pod({ containers: [C], schedulingGates: [{ name: 'example.com/gate' }] });
  input.metadata.creationTimestamp = '2024-05-01T10:00:00Z';
  const { obj, errors } = runCreate(podStrategy, input);
  assert.deepEqual(errors, []);
  assert.deepEqual((obj.status as Json).conditions, [
    {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: '2024-05-01T10:00:00Z',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    },
  ]);
});

test('GetPodQOS', () => {
  const res = (requests: Json, limits?: Json) => ({ resources: limits ? { requests, limits } : { requests } });
  const guaranteed = { cpu: '1', memory: '1Gi' };
  const cases: Array<{ name: string; containers: Json[]; want: string }> = [
    { name: 'nothing requested', containers: [C], want: 'BestEffort' },
    { name: 'zero requests count as none', containers: [{ ...C, ...res({ cpu: '0' }) }], want: 'BestEffort' },
    { name: 'requests only', containers: [{ ...C, ...res({ cpu: '100m' }) }], want: 'Burstable' },
    { name: 'limits equal requests', containers: [{ ...C, ...res(guaranteed, guaranteed) }], want: 'Guaranteed' },
    { name: 'limits alone default the requests', containers: [{ ...C, resources: { limits: guaranteed } }], want: 'Guaranteed' },
    { name: 'equal in another unit', containers: [{ ...C, ...res({ cpu: '1000m', memory: '1024Mi' }, guaranteed) }], want: 'Guaranteed' },
    { name: 'request below limit', containers: [{ ...C, ...res({ cpu: '500m', memory: '1Gi' }, guaranteed) }], want: 'Burstable' },
    { name: 'cpu limit only', containers: [{ ...C, resources: { limits: { cpu: '1' } } }], want: 'Burstable' },
    {
      name: 'one container without limits spoils it',
      containers: [{ ...C, ...res(guaranteed, guaranteed) }, { name: 'd', image: 'nginx' }],
      want: 'Burstable',
    },
    { name: 'other resources do not count', containers: [{ ...C, ...res({ 'ephemeral-storage': '1Gi' }) }], want: 'BestEffort' },
  ];
  for (const c of cases) {
    assert.equal((runCreate(podStrategy, pod({ containers: c.containers })).obj.status as Json).qosClass, c.want, c.name);
  }
});

test('podIP and podIPs mirror each other, as do hostIP and hostIPs', () => {
  const obj = pod({ containers: [C] }, { status: { podIP: '10.0.0.5', hostIPs: [{ ip: '192.168.0.2' }] } });
  podStrategy.applyDefaults!(obj);
  assert.deepEqual(obj.status, {
    podIP: '10.0.0.5',
    podIPs: [{ ip: '10.0.0.5' }],
    hostIP: '192.168.0.2',
    hostIPs: [{ ip: '192.168.0.2' }],
  });
});

test('ToSelectableFields', () => {
  const obj = created(podStrategy, pod({ containers: [C], hostNetwork: true, nodeName: 'n1', serviceAccountName: 'sa' }));
  obj.status = { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }], podIP: '10.0.0.1' };
  const fields = Object.fromEntries(Object.entries(podStrategy.selectableFields!).map(([k, f]) => [k, f(obj)]));
  assert.deepEqual(fields, {
    'spec.nodeName': 'n1',
    'spec.restartPolicy': 'Always',
    'spec.schedulerName': 'default-scheduler',
    'spec.serviceAccountName': 'sa',
    'spec.hostNetwork': 'true',
    'status.phase': 'Running',
    'status.podIP': '10.0.0.1',
    'status.nominatedNodeName': '',
  });
  const unscheduled = created(podStrategy, pod({ containers: [C] }));
  assert.equal(podStrategy.selectableFields!['spec.nodeName'](unscheduled), '', 'spec.nodeName= selects unscheduled pods');
  assert.equal(podStrategy.selectableFields!['spec.hostNetwork'](unscheduled), 'false');
});
