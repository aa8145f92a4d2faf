import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { parseCli, UsageError } from '../../../server/cli.js';

const cases: Array<{ name: string; argv: string[]; env?: Record<string, string>; want?: Record<string, unknown>; error?: RegExp }> = [
  { name: 'defaults', argv: [], want: { port: 8080, host: '127.0.0.1', db: './mimikube.db', durability: 'default', logLevel: 'info' } },
  { name: 'flags', argv: ['--port', '9000', '--db', 'x.db', '--host', '0.0.0.0'], want: { port: 9000, db: 'x.db', host: '0.0.0.0' } },
  { name: 'environment variables', argv: [], env: { MIMIKUBE_PORT: '7000', MIMIKUBE_DB: ':memory:', MIMIKUBE_LOG_LEVEL: 'warn' }, want: { port: 7000, db: ':memory:', logLevel: 'warn' } },
  { name: 'flags win over the environment', argv: ['--port=1234'], env: { MIMIKUBE_PORT: '7000' }, want: { port: 1234 } },
  { name: 'durability full', argv: ['--durability', 'full'], want: { durability: 'full' } },
  { name: 'a bad port', argv: ['--port', 'http'], error: /--port must be a non-negative integer/ },
  { name: 'an unknown flag', argv: ['--bogus'], error: /Unknown option '--bogus'/ },
  { name: 'a bad durability', argv: ['--durability', 'maybe'], error: /--durability must be/ },
  { name: 'a bad version', argv: ['--kube-version', '1.32'], error: /--kube-version must look like/ },
  // README: one validation worker by default when the machine has a core to spare, none otherwise.
  { name: 'validation workers by default', argv: [], want: { validationWorkers: availableParallelism() > 1 ? 1 : 0 } },
  { name: 'validation workers', argv: ['--validation-workers', '2'], want: { validationWorkers: 2 } },
  { name: 'no validation workers', argv: [], env: { MIMIKUBE_VALIDATION_WORKERS: '0' }, want: { validationWorkers: 0 } },
  { name: 'a bad worker count', argv: ['--validation-workers', 'many'], error: /--validation-workers must be a non-negative integer/ },
];

for (const c of cases) {
  test(`parseCli: ${c.name}`, () => {
    if (c.error) {
      assert.throws(() => parseCli(c.argv, c.env ?? {}), (err: unknown) => err instanceof UsageError && c.error!.test(err.message));
      return;
    }
    const result = parseCli(c.argv, c.env ?? {});
    assert.equal(result.help, false);
    if (!result.help) for (const [key, value] of Object.entries(c.want!)) assert.equal((result.options as Record<string, unknown>)[key], value, key);
  });
}

test('parseCli: --help', () => {
  assert.deepEqual(parseCli(['-h'], {}), { help: true });
});

test('parseCli: simulation flags', () => {
  const result = parseCli(['--nodes', '3', '--node-labels', 'zone=a,disk=ssd', '--pod-start-delay', '500', '--node-monitor-grace-period', '2', '--pod-gc-quarantine', '1', '--static-pod-nodes', 'node-1,node-2', '--no-controllers'], {});
  assert.equal(result.help, false);
  if (result.help) return;
  assert.equal(result.options.controllers, false);
  assert.deepEqual(result.options.simulation, {
    nodes: 3,
    nodeLabels: { zone: 'a', disk: 'ssd' },
    simulatedNodes: undefined,
    podStartDelayMs: 500,
    podTerminationDelayMs: undefined,
    nodeMonitorGracePeriodSeconds: 2,
    podGCQuarantineSeconds: 1,
    staticPodDir: undefined,
    staticPodNodes: ['node-1', 'node-2'],
  });
  assert.throws(() => parseCli(['--node-labels', 'novalue'], {}), /--node-labels takes key=value pairs/);
});
