import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../helpers/api.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';

/** kubectl get -w and --watch-only follow creates, updates and deletes from a real server process. */
test('kubectl get configmaps -w sees creates, updates and deletes', { skip: NO_KUBECTL }, async (t) => {
  const server = await startTestServer(t);
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'before' } });
  const watch = kubectl.spawn(['get', 'configmaps', '-w', '--output-watch-events', '-o', 'json']);
  t.after(() => watch.kill());
  const lines: string[] = [];
  let pending = '';
  let waiter: (() => void) | undefined;
  watch.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    // In watch mode kubectl prints each event as one line of compact JSON.
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts.filter(Boolean)) {
      const event = JSON.parse(part) as { type: string; object: { kind: string; metadata: { name: string } } };
      lines.push(`${event.type} ${event.object.kind.toLowerCase()}/${event.object.metadata.name}`);
    }
    waiter?.();
  });
  let stderr = '';
  watch.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const waitForLines = async (n: number) => {
    const deadline = Date.now() + 20_000;
    while (lines.length < n) {
      if (Date.now() > deadline) throw new Error(`kubectl printed ${JSON.stringify(lines)}; stderr: ${stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        waiter = () => { clearTimeout(timer); resolve(); };
      });
    }
  };
  await waitForLines(1);
  await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'created' } });
  await server.api.patch('/api/v1/namespaces/default/configmaps/created', { data: { a: '1' } });
  await server.api.delete('/api/v1/namespaces/default/configmaps/created');
  await waitForLines(4);
  assert.deepEqual(lines.slice(0, 4), [
    'ADDED configmap/before',
    'ADDED configmap/created',
    'MODIFIED configmap/created',
    'DELETED configmap/created',
  ]);
});

test('kubectl get configmap NAME --watch-only prints only later changes', { skip: NO_KUBECTL }, async (t) => {
  const server = await startTestServer(t);
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  await server.api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'single' } });
  const watch = kubectl.spawn(['get', 'configmap', 'single', '--watch-only', '-o', 'jsonpath={.data.v}{"\\n"}']);
  t.after(() => watch.kill());
  let out = '';
  watch.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  let stderr = '';
  watch.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const deadline = Date.now() + 20_000;
  let v = 0;
  while (!out.includes('3')) {
    if (Date.now() > deadline) throw new Error(`kubectl printed ${JSON.stringify(out)}; stderr: ${stderr}`);
    if (v < 3) await server.api.patch('/api/v1/namespaces/default/configmaps/single', { data: { v: String(++v) } });
    await new Promise((r) => setTimeout(r, 300));
  }
  const printed = out.trimEnd().split('\n');
  assert.ok(printed.every((line) => /^\d$/.test(line)), `only changes, no line for the initial state: ${JSON.stringify(printed)}`);
});
