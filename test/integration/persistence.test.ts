import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { startServer } from '../../server/index.js';
import { loadMigrations, migrate } from '../../server/storage/migrate.js';
import { scratchDir } from '../helpers/scratch.js';
import { Api } from '../helpers/api.js';

function tempDb(): string {
  return join(scratchDir('mimikube-'), 'state.db');
}

test('a restart on the same file keeps every object, uid and resourceVersion, and RVs keep increasing', async (t) => {
  const db = tempDb();
  const first = await startServer({ port: 0, db, controllers: false });
  const api = new Api(first.url);
  const created = [];
  for (let i = 0; i < 5; i++) {
    created.push((await api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: `cm-${i}` }, data: { i: String(i) } })).body);
  }
  await api.post('/api/v1/nodes', { metadata: { name: 'n1' } });
  await api.delete('/api/v1/namespaces/default/configmaps/cm-4');
  const listBefore = (await api.get('/api/v1/namespaces/default/configmaps')).body;
  await first.close();

  const second = await startServer({ port: 0, db, controllers: false });
  t.after(() => second.close());
  const again = new Api(second.url);
  const listAfter = (await again.get('/api/v1/namespaces/default/configmaps')).body;
  assert.deepEqual(listAfter.items, listBefore.items);
  assert.equal(listAfter.metadata.resourceVersion, listBefore.metadata.resourceVersion);
  for (const cm of created.slice(0, 4)) {
    const got = (await again.get(`/api/v1/namespaces/default/configmaps/${cm.metadata.name}`)).body;
    assert.equal(got.metadata.uid, cm.metadata.uid);
    assert.equal(got.metadata.resourceVersion, cm.metadata.resourceVersion);
  }
  assert.equal((await again.get('/api/v1/namespaces/default/configmaps/cm-4')).status, 404);
  assert.equal((await again.get('/api/v1/nodes/n1')).status, 200);
  const next = (await again.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'after' } })).body;
  assert.ok(Number(next.metadata.resourceVersion) > Number(listBefore.metadata.resourceVersion));
  const namespaces = (await again.get('/api/v1/namespaces')).body.items.map((n: any) => n.metadata.name);
  assert.deepEqual(namespaces, ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
});

test('a database from a newer mimikube is refused with a clear message', async () => {
  const db = tempDb();
  const raw = new Database(db);
  raw.pragma('user_version = 999');
  raw.close();
  await assert.rejects(startServer({ port: 0, db, controllers: false }), /database schema version 999 is newer than this mimikube understands/);
});

test('pages of a list read one snapshot even while objects change between pages', async (t) => {
  const server = await startServer({ port: 0, db: ':memory:', controllers: false });
  t.after(() => server.close());
  const api = new Api(server.url);
  const path = '/api/v1/namespaces/default/configmaps';
  for (const name of ['a', 'b', 'c', 'd']) await api.post(path, { metadata: { name }, data: { v: '1' } });
  const page1 = (await api.get(`${path}?limit=2`)).body;
  assert.deepEqual(page1.items.map((i: any) => i.metadata.name), ['a', 'b']);
  assert.equal(page1.metadata.remainingItemCount, 2);
  await api.delete(`${path}/c`);
  await api.patch(`${path}/d`, { data: { v: '2' } });
  await api.post(path, { metadata: { name: 'e' } });
  const page2 = (await api.get(`${path}?limit=2&continue=${page1.metadata.continue}`)).body;
  assert.deepEqual(page2.items.map((i: any) => [i.metadata.name, i.data?.v]), [['c', '1'], ['d', '1']]);
  assert.equal(page2.metadata.resourceVersion, page1.metadata.resourceVersion);
  assert.equal(page2.metadata.continue, undefined);
  const exact = (await api.get(`${path}?resourceVersion=${page1.metadata.resourceVersion}&resourceVersionMatch=Exact`)).body;
  assert.deepEqual(exact.items.map((i: any) => i.metadata.name), ['a', 'b', 'c', 'd']);
});

test('after compaction, old continue tokens and exact reads answer 410 Expired', async (t) => {
  const server = await startServer({ port: 0, db: ':memory:', controllers: false, eventWindow: 2, compactIntervalMs: 20 });
  t.after(() => server.close());
  const api = new Api(server.url);
  const path = '/api/v1/namespaces/default/configmaps';
  for (const name of ['a', 'b', 'c']) await api.post(path, { metadata: { name } });
  const page1 = (await api.get(`${path}?limit=1`)).body;
  for (let i = 0; i < 5; i++) await api.post(path, { metadata: { name: `z${i}` } });
  const deadline = Date.now() + 5000;
  let res;
  do {
    res = await api.get(`${path}?limit=1&continue=${page1.metadata.continue}`);
  } while (res.status !== 410 && Date.now() < deadline && (await new Promise((r) => setTimeout(r, 20)), true));
  assert.equal(res.status, 410);
  assert.equal(res.body.reason, 'Expired');
  const exact = await api.get(`${path}?resourceVersion=${page1.metadata.resourceVersion}&resourceVersionMatch=Exact`);
  assert.equal(exact.status, 410);
  assert.match(exact.body.message, /too old resource version/);
});

test('migration 2 keeps the bodies of objects whose log entries were compacted away', async (t) => {
  const db = tempDb();
  const raw = new Database(db);
  migrate(raw, loadMigrations().slice(0, 1));
  const body = (name: string, rv: number) => JSON.stringify({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: String(rv) } });
  raw.prepare("INSERT INTO objects (resource, namespace, name, uid, rv, body) VALUES ('configmaps', 'default', 'old', 'uid-old', 3, ?)").run(body('old', 3));
  raw.prepare("INSERT INTO events (rv, resource, namespace, name, type, body, prev_body) VALUES (9, 'configmaps', 'default', 'new', 'ADDED', ?, NULL)").run(body('new', 9));
  raw.prepare("INSERT INTO objects (resource, namespace, name, uid, rv, body) VALUES ('configmaps', 'default', 'new', 'uid-new', 9, ?)").run(body('new', 9));
  raw.prepare("UPDATE meta SET value = '5' WHERE key = 'compacted_rv'").run();
  raw.close();
  const server = await startServer({ port: 0, db, controllers: false });
  t.after(() => server.close());
  const api = new Api(server.url);
  assert.equal((await api.get('/api/v1/namespaces/default/configmaps/old')).body.metadata.uid, 'uid-old');
  assert.equal((await api.get('/api/v1/namespaces/default/configmaps/new')).body.metadata.uid, 'uid-new');
  const list = (await api.get('/api/v1/namespaces/default/configmaps')).body.items.map((i: any) => i.metadata.name);
  assert.deepEqual(list, ['new', 'old']);
});

test('migration 3 keeps every object and the log, and lists at an older revision still read the log', async (t) => {
  const db = tempDb();
  const first = await startServer({ port: 0, db, controllers: false });
  const api1 = new Api(first.url);
  for (const name of ['a', 'b', 'c']) {
    assert.equal((await api1.post('/api/v1/namespaces/default/configmaps', { metadata: { name }, data: { v: '1' } })).status, 201);
  }
  await first.close();
  // Back to the version-2 schema, as a database written before this migration has it.
  const raw = new Database(db);
  raw.exec(`
    CREATE TABLE objects_v2 (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, uid TEXT NOT NULL,
      rv INTEGER NOT NULL, PRIMARY KEY (resource, namespace, name)) STRICT;
    INSERT INTO objects_v2 SELECT resource, namespace, name, uid, rv FROM objects;
    DROP TABLE objects;
    ALTER TABLE objects_v2 RENAME TO objects;
    CREATE INDEX objects_by_rv ON objects (rv);
    DROP INDEX events_by_resource;
    CREATE INDEX events_by_key ON events (resource, namespace, name, rv);`);
  raw.pragma('user_version = 2');
  const uids = raw.prepare("SELECT name, uid FROM objects WHERE resource = 'configmaps' ORDER BY name").all();
  raw.close();

  const server = await startServer({ port: 0, db, controllers: false });
  t.after(() => server.close());
  const api = new Api(server.url);
  const check = new Database(db, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.pragma('user_version', { simple: true }), loadMigrations().length);
  assert.deepEqual(check.prepare("SELECT name, uid FROM objects WHERE resource = 'configmaps' ORDER BY name").all(), uids);
  const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").pluck().all();
  assert.deepEqual(indexes, ['events_by_resource']);
  const objectIndexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'objects'").pluck().all();
  assert.deepEqual(objectIndexes, [], 'the objects table is its primary key alone (migration 4)');

  const page1 = (await api.get('/api/v1/namespaces/default/configmaps?limit=1')).body;
  assert.deepEqual(page1.items.map((i: any) => i.metadata.name), ['a']);
  assert.equal((await api.put('/api/v1/namespaces/default/configmaps/b', { metadata: { name: 'b' }, data: { v: '2' } })).status, 200);
  assert.equal((await api.delete('/api/v1/namespaces/default/configmaps/c')).status, 200);
  const rest = (await api.get(`/api/v1/namespaces/default/configmaps?limit=5&continue=${page1.metadata.continue}`)).body;
  assert.deepEqual(rest.items.map((i: any) => [i.metadata.name, i.data.v]), [['b', '1'], ['c', '1']]);
});
