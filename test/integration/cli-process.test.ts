import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scratchDir } from '../helpers/scratch.js';
import { startCliServer } from '../helpers/cli-server.js';
import { waitFor } from '../helpers/wait.js';

const MAIN = fileURLToPath(new URL('../../server/main.js', import.meta.url));

test('mimikube --help lists the flags', async () => {
  const child = spawn(process.execPath, [MAIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  for (const flag of ['--port', '--host', '--db', '--log-level', 'MIMIKUBE_PORT']) assert.ok(out.includes(flag), flag);
});

test('a bad flag exits 2 with the usage', async () => {
  const child = spawn(process.execPath, [MAIN, '--port', 'x'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(err, /--port must be a non-negative integer/);
});

test('serves with settings from the environment and shuts down cleanly on SIGTERM', async () => {
  const { child, url } = await startCliServer([], { MIMIKUBE_PORT: '0', MIMIKUBE_DB: ':memory:', MIMIKUBE_LOG_LEVEL: 'silent' });
  const ready = await fetch(`${url}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal(await ready.text(), 'ok');
  const version = await (await fetch(`${url}/version`)).json();
  assert.equal(version.major, '1');
  assert.equal(version.minor, '32');
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('every acknowledged write survives SIGKILL of the server process', async (t) => {
  const db = join(scratchDir('mimikube-kill-'), 'state.db');
  const first = await startCliServer(['--port', '0', '--db', db, '--log-level', 'silent']);
  const acknowledged: Array<{ name: string; rv: string }> = [];
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${first.url}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: `cm-${i}` }, data: { i: String(i) } }),
    });
    assert.equal(res.status, 201);
    acknowledged.push({ name: `cm-${i}`, rv: (await res.json()).metadata.resourceVersion });
  }
  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  const second = await startCliServer(['--port', '0', '--db', db, '--log-level', 'silent']);
  t.after(() => second.child.kill('SIGKILL'));
  const list = await (await fetch(`${second.url}/api/v1/namespaces/default/configmaps`)).json();
  const stored = new Map(list.items.map((i: any) => [i.metadata.name, i.metadata.resourceVersion]));
  for (const { name, rv } of acknowledged) assert.equal(stored.get(name), rv, name);
});

test('mimikube node add / stop / start / remove drive a running server', async (t) => {
  const server = await startCliServer(['--db', ':memory:', '--node-monitor-grace-period', '1']);
  t.after(() => server.stop());
  const node = async (...args: string[]) => {
    const child = spawn(process.execPath, [MAIN, 'node', ...args, '--server', server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const [code] = await once(child, 'exit');
    return { code, out };
  };
  assert.deepEqual(await node('add', 'edge-1', '--label', 'zone=edge'), { code: 0, out: 'node/edge-1 added\n' });
  const ready = (status: string) => async () => {
    const n = (await server.api.get('/api/v1/nodes/edge-1')).body;
    return n.status?.conditions?.find((c: any) => c.type === 'Ready')?.status === status ? n : undefined;
  };
  const added = await waitFor('edge-1 Ready', ready('True'));
  assert.equal(added.metadata.labels.zone, 'edge');
  assert.equal((await node('stop', 'edge-1')).code, 0);
  await waitFor('edge-1 NotReady', ready('Unknown'));
  assert.equal((await node('start', 'edge-1')).code, 0);
  await waitFor('edge-1 Ready again', ready('True'));
  assert.deepEqual(await node('remove', 'edge-1'), { code: 0, out: 'node/edge-1 removed\n' });
  assert.equal((await server.api.get('/api/v1/nodes/edge-1')).status, 404);
  assert.equal((await node('stop', 'missing')).code, 1);
});
