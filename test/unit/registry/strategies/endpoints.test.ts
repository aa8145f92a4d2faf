import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { endpointsStrategy } from '../../../../server/registry/strategies/endpoints.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

function endpoints(subsets: unknown[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets };
}

test('SetDefaults_Endpoints: ports are TCP unless told otherwise', () => {
  const { obj, errors } = runCreate(endpointsStrategy, endpoints([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }, { port: 53, protocol: 'UDP', name: 'dns' }] }]));
  assert.deepEqual(errors, ['subsets[0].ports[0].name: Required value']);
  assert.deepEqual((obj.subsets as any)[0].ports.map((p: any) => p.protocol), ['TCP', 'UDP']);
});

test('ValidateEndpoints', () => {
  const cases: Array<{ name: string; subsets: unknown[]; want: string[] }> = [
    { name: 'no subsets', subsets: [], want: [] },
    { name: 'a headless service\'s endpoints need no ports', subsets: [{ addresses: [{ ip: '10.0.0.1', hostname: 'web-0', nodeName: 'node-1' }] }], want: [] },
    { name: 'addresses are required', subsets: [{ ports: [{ port: 80 }] }], want: ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'] },
    {
      name: 'addresses must name real endpoints',
      subsets: [{ addresses: [{ ip: '127.0.0.1' }, { ip: 'nope' }], notReadyAddresses: [{ ip: '169.254.1.1', hostname: 'Web' }] }],
      want: [
        'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'subsets[0].addresses[1].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'subsets[0].addresses[1].ip: Invalid value: "nope": must be a valid IP address',
        "subsets[0].notReadyAddresses[0].hostname: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        'subsets[0].notReadyAddresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      ],
    },
    {
      name: 'ports',
      subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 0, name: 'a' }, { port: 81, name: 'b', protocol: 'HTTP' }] }],
      want: [
        'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'subsets[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(endpointsStrategy, endpoints(c.subsets)).errors, c.want, c.name);
});

test('updates are validated like creates', () => {
  const old = created(endpointsStrategy, endpoints([{ addresses: [{ ip: '10.0.0.1' }] }]));
  assert.deepEqual(runUpdate(endpointsStrategy, old, endpoints([{ addresses: [{ ip: '0.0.0.0' }] }])).errors, [
    'subsets[0].addresses[0].ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
  ]);
});
