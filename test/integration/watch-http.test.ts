import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../server/index.js';
import { scratchDir } from '../helpers/scratch.js';
import { Api, useSharedServer } from '../helpers/api.js';
import { chunkedWatch } from '../helpers/watch-client.js';
import { waitFor } from '../helpers/wait.js';

/** Chunked-HTTP watches against a real listening server. */
const shared = useSharedServer({ controllers: false, watch: { bookmarkIntervalMs: 50 } });

const summary = (events: Array<{ type: string; object: any }>) => events.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`);

async function namespace(name: string): Promise<string> {
  assert.equal((await shared().api.post('/api/v1/namespaces', { metadata: { name } })).status, 201);
  return `/api/v1/namespaces/${name}/configmaps`;
}

test('without a resourceVersion: ADDED for the current state, then every change in order', async (t) => {
  const path = await namespace('w-basic');
  await shared().api.post(path, { metadata: { name: 'existing' } });
  const watch = await chunkedWatch(shared().url, `${path}?watch=true`);
  t.after(() => watch.close());
  assert.equal(watch.status, 200);
  assert.match(String(watch.headers['content-type']), /application\/json/);
  assert.equal(watch.headers['transfer-encoding'], 'chunked');
  await watch.waitForCount(1);
  await shared().api.post(path, { metadata: { name: 'new' } });
  await shared().api.patch(`${path}/new`, { data: { a: 'b' } });
  await shared().api.delete(`${path}/new`);
  const events = await watch.waitForCount(4);
  assert.deepEqual(summary(events), ['ADDED existing', 'ADDED new', 'MODIFIED new', 'DELETED new']);
  const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
  assert.deepEqual([...rvs].sort((a, b) => a - b), rvs);
  assert.equal(new Set(rvs).size, rvs.length);
  assert.equal(events[2].object.data.a, 'b');
});

test('watch=1 from a resourceVersion replays only what came after it', async (t) => {
  const path = await namespace('w-replay');
  const first = (await shared().api.post(path, { metadata: { name: 'one' } })).body;
  await shared().api.post(path, { metadata: { name: 'two' } });
  await shared().api.delete(`${path}/one`);
  const watch = await chunkedWatch(shared().url, `${path}?watch=1&resourceVersion=${first.metadata.resourceVersion}`);
  t.after(() => watch.close());
  assert.deepEqual(summary(await watch.waitForCount(2)), ['ADDED two', 'DELETED one']);
});

test('a replay from the log larger than the backlog limit is delivered whole, not cut off with 410', async (t) => {
  const path = await namespace('w-big-replay');
  const start = (await shared().api.get(path)).body.metadata.resourceVersion;
  const payload = 'x'.repeat(2048);
  // 400 × ~2.3 KiB ≈ 900 KiB of replay, beyond the 512 KiB a live backlog may reach.
  for (let i = 0; i < 400; i++) assert.equal((await shared().api.post(path, { metadata: { name: `cm-${i}` }, data: { payload } })).status, 201);
  const watch = await chunkedWatch(shared().url, `${path}?watch=1&resourceVersion=${start}`);
  t.after(() => watch.close());
  const events = await watch.waitForCount(400, 10_000);
  assert.ok(events.every((e) => e.type === 'ADDED'), JSON.stringify(events.find((e) => e.type !== 'ADDED')));
  assert.equal(events[399].object.metadata.name, 'cm-399');
});

test('across all namespaces, and the single-object form', async (t) => {
  const path = await namespace('w-scope');
  const all = await chunkedWatch(shared().url, `/api/v1/configmaps?watch=true&resourceVersion=${(await shared().api.get(path)).body.metadata.resourceVersion}`);
  const single = await chunkedWatch(shared().url, `${path}/target?watch=true`);
  t.after(() => { all.close(); single.close(); });
  await shared().api.post(path, { metadata: { name: 'other' } });
  await shared().api.post(path, { metadata: { name: 'target' } });
  assert.deepEqual(summary(await all.waitForCount(2)), ['ADDED other', 'ADDED target']);
  assert.deepEqual(summary(await single.waitForCount(1)), ['ADDED target']);
  const byField = await chunkedWatch(shared().url, `${path}?watch=true&fieldSelector=metadata.name%3Dother`);
  t.after(() => byField.close());
  assert.deepEqual(summary(await byField.waitForCount(1)), ['ADDED other']);
});

test('label selectors: leaving the selection is DELETED, entering it ADDED', async (t) => {
  const path = await namespace('w-labels');
  const watch = await chunkedWatch(shared().url, `${path}?watch=true&labelSelector=tier%3Dweb`);
  t.after(() => watch.close());
  await shared().api.post(path, { metadata: { name: 'x', labels: { tier: 'db' } } });
  await shared().api.patch(`${path}/x`, { metadata: { labels: { tier: 'web' } } });
  await shared().api.patch(`${path}/x`, { data: { k: 'v' } });
  await shared().api.patch(`${path}/x`, { metadata: { labels: { tier: 'db' } } });
  await shared().api.delete(`${path}/x`);
  await shared().api.post(path, { metadata: { name: 'y', labels: { tier: 'web' } } });
  assert.deepEqual(summary(await watch.waitForCount(4)), ['ADDED x', 'MODIFIED x', 'DELETED x', 'ADDED y']);
});

test('bookmarks only when allowed, carrying just kind, apiVersion and resourceVersion', async (t) => {
  const path = await namespace('w-bookmarks');
  const watch = await chunkedWatch(shared().url, `${path}?watch=true&allowWatchBookmarks=true`);
  const plain = await chunkedWatch(shared().url, `${path}?watch=true`);
  t.after(() => { watch.close(); plain.close(); });
  await watch.waitUntil(() => watch.events.some((e) => e.type === 'BOOKMARK'), 'a bookmark');
  const bookmark = watch.events.find((e) => e.type === 'BOOKMARK')!;
  assert.deepEqual(Object.keys(bookmark.object).sort(), ['apiVersion', 'kind', 'metadata']);
  assert.equal(bookmark.object.kind, 'ConfigMap');
  assert.match(bookmark.object.metadata.resourceVersion, /^\d+$/);
  await shared().api.post(path, { metadata: { name: 'after-bookmark' } });
  await plain.waitForCount(1);
  assert.deepEqual(summary(plain.events), ['ADDED after-bookmark']);
});

test('sendInitialEvents streams the state, then a bookmark marking its end', async (t) => {
  const path = await namespace('w-watchlist');
  await shared().api.post(path, { metadata: { name: 'a' } });
  await shared().api.post(path, { metadata: { name: 'b' } });
  const watch = await chunkedWatch(shared().url, `${path}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`);
  t.after(() => watch.close());
  const events = await watch.waitForCount(3);
  assert.deepEqual(events.slice(0, 2).map((e) => e.object.metadata.name), ['a', 'b']);
  assert.equal(events[2].type, 'BOOKMARK');
  assert.deepEqual(events[2].object.metadata.annotations, { 'k8s.io/initial-events-end': 'true' });
  const invalid = await shared().api.get(`${path}?watch=true&sendInitialEvents=true`);
  assert.equal(invalid.status, 422);
});

test('timeoutSeconds ends the stream', async () => {
  const path = await namespace('w-timeout');
  const watch = await chunkedWatch(shared().url, `${path}?watch=true&timeoutSeconds=1`);
  await watch.waitForEnd(5000);
});

test('a resourceVersion older than the log is an in-stream 410 Expired ERROR', async (t) => {
  const small = await startServer({ port: 0, db: ':memory:', controllers: false, eventWindow: 1, compactIntervalMs: 20 });
  t.after(() => small.close());
  const api = new Api(small.url);
  const path = '/api/v1/namespaces/default/configmaps';
  const first = (await api.post(path, { metadata: { name: 'a' } })).body.metadata.resourceVersion;
  for (let i = 0; i < 5; i++) await api.post(path, { metadata: { name: `b${i}` } });
  let events;
  const deadline = Date.now() + 5000;
  do {
    const watch = await chunkedWatch(small.url, `${path}?watch=true&resourceVersion=${first}`);
    events = await watch.waitForCount(1);
    watch.close();
  } while (events[0].type !== 'ERROR' && Date.now() < deadline);
  assert.equal(events[0].type, 'ERROR');
  assert.equal(events[0].object.kind, 'Status');
  assert.equal(events[0].object.code, 410);
  assert.equal(events[0].object.reason, 'Expired');
  assert.match(events[0].object.message, /^too old resource version: \d+ \(\d+\)$/);
});

test('a watch resumes after a restart from a resourceVersion still in the log', async (t) => {
  const db = join(scratchDir('mimikube-watch-'), 'state.db');
  const path = '/api/v1/namespaces/default/configmaps';
  const first = await startServer({ port: 0, db, controllers: false });
  const api = new Api(first.url);
  const seen = (await api.post(path, { metadata: { name: 'before' } })).body.metadata.resourceVersion;
  await api.post(path, { metadata: { name: 'missed-1' } });
  await first.close();
  const second = await startServer({ port: 0, db, controllers: false });
  t.after(() => second.close());
  await new Api(second.url).post(path, { metadata: { name: 'missed-2' } });
  const watch = await chunkedWatch(second.url, `${path}?watch=true&resourceVersion=${seen}`);
  t.after(() => watch.close());
  assert.deepEqual(summary(await watch.waitForCount(2)), ['ADDED missed-1', 'ADDED missed-2']);
});

test('server shutdown ends open watches cleanly', async () => {
  const own = await startServer({ port: 0, db: ':memory:', controllers: false });
  const watch = await chunkedWatch(own.url, '/api/v1/namespaces?watch=true');
  await watch.waitForCount(4);
  await own.close();
  await watch.waitForEnd();
});

test('a consumer that stops reading is cut off with 410 Expired instead of growing server memory', async (t) => {
  const own = await startServer({ port: 0, db: ':memory:', controllers: false, watch: { maxBacklogBytes: 64 * 1024 } });
  t.after(() => own.close());
  const api = new Api(own.url);
  const path = '/api/v1/namespaces/default/configmaps';
  const watch = await chunkedWatch(own.url, `${path}?watch=true`);
  t.after(() => watch.close());
  watch.response.pause();
  const big = 'x'.repeat(512 * 1024);
  // Loopback socket buffers absorb a few MiB before the server's own backlog grows; 40 × 0.5 MiB overflows them.
  for (let i = 0; i < 40; i++) await api.post(path, { metadata: { name: `big-${i}` }, data: { big } });
  watch.response.resume();
  await watch.waitForEnd(10_000);
  const last = watch.events[watch.events.length - 1];
  assert.equal(last.type, 'ERROR');
  assert.equal(last.object.code, 410);
  assert.ok(watch.events.length < 41, `cut off early (${watch.events.length} events)`);
});

test('a client that disconnects is removed at once: no watcher, subscriber or timer is left behind', async () => {
  const gauge = async (name: string) => {
    const text = (await shared().api.get('/metrics')).text;
    return Number(new RegExp(`^${name}(\\{[^}]*\\})? (\\d+)$`, 'm').exec(text)?.[2]);
  };
  const before = await gauge('apiserver_longrunning_requests');
  const subscribersBefore = await gauge('mimikube_watch_hub_subscribers');
  const watches = await Promise.all(Array.from({ length: 5 }, () => chunkedWatch(shared().url, '/api/v1/configmaps?watch=true&allowWatchBookmarks=true')));
  assert.equal(await gauge('apiserver_longrunning_requests'), before + 5);
  assert.equal(await gauge('mimikube_watch_hub_subscribers'), subscribersBefore + 5);
  watches.forEach((w) => w.close());
  await waitFor('the watches to be gone', async () => (await gauge('apiserver_longrunning_requests')) === before);
  assert.equal(await gauge('mimikube_watch_hub_subscribers'), subscribersBefore);
});
