import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointsPrinter } from '../../../server/printers/endpoints.js';
import { servicePrinter } from '../../../server/printers/service.js';
import { ago, row } from './helpers.js';

function service(spec: object, status: object = {}) {
  return { metadata: { name: 'web', creationTimestamp: ago(6, 'h') }, spec, status };
}
const ports = [{ port: 80, protocol: 'TCP' }];

// [upstream printService behaviour, service, Type, Cluster-IP, External-IP, Port(s)]
const cases: [string, object, string, string, string, string][] = [
  [
    'ClusterIP without external IPs',
    service({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports }),
    'ClusterIP',
    '10.96.0.10',
    '<none>',
    '80/TCP',
  ],
  [
    'ClusterIP with external IPs lists them',
    service({ type: 'ClusterIP', clusterIPs: ['10.96.0.11'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports }),
    'ClusterIP',
    '10.96.0.11',
    '1.2.3.4,5.6.7.8',
    '80/TCP',
  ],
  [
    'headless service',
    service({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] }),
    'ClusterIP',
    'None',
    '<none>',
    '5432/TCP',
  ],
  [
    'NodePort shows port:nodePort',
    service({
      type: 'NodePort',
      clusterIPs: ['10.96.1.1'],
      ports: [
        { port: 80, nodePort: 30080, protocol: 'TCP' },
        { port: 53, protocol: 'UDP' },
      ],
    }),
    'NodePort',
    '10.96.1.1',
    '<none>',
    '80:30080/TCP,53/UDP',
  ],
  [
    'LoadBalancer without ingress is pending',
    service({ type: 'LoadBalancer', clusterIPs: ['10.96.2.2'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] }),
    'LoadBalancer',
    '10.96.2.2',
    '<pending>',
    '443:31443/TCP',
  ],
  [
    'LoadBalancer ingress: IPs preferred over hostnames, deduplicated, sorted, never clipped',
    service({ type: 'LoadBalancer', clusterIPs: ['10.96.2.3'], ports }, {
      loadBalancer: {
        ingress: [{ ip: '203.0.113.9' }, { hostname: 'a-very-long-name.elb.example.com' }, { ip: '198.51.100.1', hostname: 'x' }, { ip: '203.0.113.9' }],
      },
    }),
    'LoadBalancer',
    '10.96.2.3',
    '198.51.100.1,203.0.113.9,a-very-long-name.elb.example.com',
    '80/TCP',
  ],
  [
    'LoadBalancer ingress comes before external IPs',
    service({ type: 'LoadBalancer', clusterIPs: ['10.96.2.4'], externalIPs: ['1.1.1.1'], ports }, {
      loadBalancer: { ingress: [{ ip: '2.2.2.2' }] },
    }),
    'LoadBalancer',
    '10.96.2.4',
    '2.2.2.2,1.1.1.1',
    '80/TCP',
  ],
  [
    'ExternalName shows the name and has no cluster IP or ports',
    service({ type: 'ExternalName', externalName: 'db.example.com' }),
    'ExternalName',
    '<none>',
    'db.example.com',
    '<none>',
  ],
  [
    'an undefaulted service reads as ClusterIP over TCP with clusterIPs from clusterIP',
    service({ clusterIP: '10.96.3.3', ports: [{ port: 8080 }] }),
    'ClusterIP',
    '10.96.3.3',
    '<none>',
    '8080/TCP',
  ],
];

for (const [name, obj, type, clusterIP, externalIP, portText] of cases) {
  test(`printService: ${name}`, () => {
    const r = row(servicePrinter, obj);
    assert.deepEqual([r.Type, r['Cluster-IP'], r['External-IP'], r['Port(s)']], [type, clusterIP, externalIP, portText]);
  });
}

test('printService: Age and the wide Selector', () => {
  const r = row(servicePrinter, service({ type: 'ClusterIP', clusterIPs: ['10.0.0.1'], selector: { tier: 'fe', app: 'web' } }));
  assert.deepEqual([r.Name, r.Age, r.Selector], ['web', '6h', 'app=web,tier=fe']);
  assert.equal(row(servicePrinter, service({ type: 'ClusterIP' })).Selector, '<none>');
  assert.deepEqual(
    servicePrinter.columns.map((c) => `${c.name}:${c.priority}`),
    ['Name:0', 'Type:0', 'Cluster-IP:0', 'External-IP:0', 'Port(s):0', 'Age:0', 'Selector:1'],
  );
});

const addr = (ip: string) => ({ ip });

// [upstream formatEndpoints behaviour, subsets, Endpoints]
const endpoints: [string, object[] | undefined, string][] = [
  ['no subsets is <none>', undefined, '<none>'],
  ['ip:port pairs', [{ addresses: [addr('10.0.0.1'), addr('10.0.0.2')], ports: [{ port: 80 }] }], '10.0.0.1:80,10.0.0.2:80'],
  ['a subset without ports lists bare IPs', [{ addresses: [addr('10.0.0.1')] }], '10.0.0.1'],
  ['IPv6 addresses are bracketed', [{ addresses: [addr('fd00::1')], ports: [{ port: 443 }] }], '[fd00::1]:443'],
  [
    'three are shown, the rest counted over every port',
    [{ addresses: [addr('10.0.0.1'), addr('10.0.0.2')], ports: [{ port: 80 }, { port: 443 }] }],
    '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
  ],
  ['only not-ready addresses print nothing', [{ notReadyAddresses: [addr('10.0.0.1')], ports: [{ port: 80 }] }], ''],
];

for (const [name, subsets, text] of endpoints) {
  test(`printEndpoints: ${name}`, () => {
    const r = row(endpointsPrinter, { metadata: { name: 'kubernetes', creationTimestamp: ago(1, 'd') }, subsets });
    assert.deepEqual(r, { Name: 'kubernetes', Endpoints: text, Age: '24h' });
  });
}
