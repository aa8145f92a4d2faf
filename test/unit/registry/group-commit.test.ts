import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { systemClock } from '../../../server/clock.js';
import { ApiError } from '../../../server/errors.js';
import { Store } from '../../../server/registry/store.js';
import { openDatabase } from '../../../server/storage/db.js';
import { WatchHub, type ChangeEvent } from '../../../server/storage/watch-hub.js';

function setup(writesComing?: () => boolean) {
  const table = resourceTable();
  const hub = new WatchHub();
  const db = openDatabase({ path: ':memory:' });
  const store = new Store(db, hub, systemClock, { groupCommit: true, writesComing });
  const cms = table.find('', 'v1', 'configmaps')!;
  const namespaces = table.find('', 'v1', 'namespaces')!;
  store.create(namespaces, '', { metadata: { name: 'default' } });
  const published: ChangeEvent[] = [];
  hub.subscribe({ resource: cms.key, deliver: (e) => published.push(e), close: () => {} });
  return { db, store, cms, published };
}

test('writes of one turn commit together; events are published only after the commit, in order', async () => {
  const { db, store, cms, published } = setup();
  await store.settled();
  store.create(cms, 'default', { metadata: { name: 'a' } });
  store.create(cms, 'default', { metadata: { name: 'b' } });
  assert.ok(db.inTransaction, 'the batch is still open');
  assert.equal(published.length, 0, 'nothing is published before the commit');
  await store.settled();
  assert.ok(!db.inTransaction);
  assert.deepEqual(published.map((e) => e.name), ['a', 'b']);
  assert.ok(published[0].rv < published[1].rv);
});

test('a failing write in a batch undoes only itself', async () => {
  const { store, cms, published } = setup();
  await store.settled();
  store.create(cms, 'default', { metadata: { name: 'kept' } });
  assert.throws(() => store.create(cms, 'default', { metadata: { name: 'kept' } }), (err: unknown) => err instanceof ApiError && err.code === 409);
  const rvAfterFailure = store.currentRv();
  store.create(cms, 'default', { metadata: { name: 'also-kept' } });
  await store.settled();
  assert.deepEqual(published.map((e) => e.name), ['kept', 'also-kept']);
  assert.equal(published[1].rv, rvAfterFailure + 1, 'the failed write consumed no resourceVersion');
  assert.deepEqual(store.list(cms, 'default', {}).items.map((i) => i.metadata.name), ['also-kept', 'kept']);
});

test('a batch that cannot commit rejects its waiters and forgets its writes', async () => {
  const { db, store, cms, published } = setup();
  await store.settled();
  const before = store.currentRv();
  store.create(cms, 'default', { metadata: { name: 'doomed' } });
  const waiting = store.settled();
  // Simulate a failing COMMIT (as a full disk would): make the next statement the database runs throw.
  const exec = db.exec.bind(db);
  db.exec = ((sql: string) => {
    if (sql === 'COMMIT') throw new Error('disk I/O error');
    return exec(sql);
  }) as typeof db.exec;
  await assert.rejects(waiting, /disk I\/O error/);
  db.exec = exec;
  assert.equal(store.currentRv(), before);
  assert.equal(published.length, 0);
  assert.equal(store.tryGet(cms, 'default', 'doomed'), undefined);
});

test('reads of one turn share a read transaction that a write ends first, so they never read stale state', async () => {
  const { db, store, cms } = setup();
  await store.settled();
  assert.equal(store.tryGet(cms, 'default', 'x'), undefined);
  assert.ok(db.inTransaction, 'the read transaction stays open for the rest of the turn');
  store.create(cms, 'default', { metadata: { name: 'x' } });
  assert.equal(store.tryGet(cms, 'default', 'x')?.metadata.name, 'x', 'the write is seen at once');
  await store.settled();
  assert.ok(!db.inTransaction, 'the batch committed');
  assert.equal(store.list(cms, 'default', {}).items.length, 1);
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(!db.inTransaction, 'the read transaction ends with its turn');
});

test('a read transaction open at shutdown does not outlive the database', async () => {
  const { db, store, cms } = setup();
  await store.settled();
  store.tryGet(cms, 'default', 'x');
  db.close();
  await new Promise((resolve) => setImmediate(resolve));
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test('a small batch that more writes are coming to stays open past its turn, then commits with them', async () => {
  let coming = true;
  const { db, store, cms, published } = setup(() => coming);
  await store.settled();
  store.create(cms, 'default', { metadata: { name: 'first' } });
  await nextTurn();
  assert.ok(db.inTransaction, 'held for the writes on their way');
  store.create(cms, 'default', { metadata: { name: 'second' } });
  coming = false;
  await store.settled();
  assert.ok(!db.inTransaction);
  assert.deepEqual(published.map((e) => e.name), ['first', 'second']);
});

/** One write into a batch that is told more are coming, left held at the end of its turn. */
async function heldBatchOf(name: string) {
  const held = setup(() => true);
  await held.store.settled();
  held.store.create(held.cms, 'default', { metadata: { name } });
  await nextTurn();
  assert.ok(held.db.inTransaction, 'held past its turn');
  return held;
}

test('a held batch commits on its own when the writes it waits for never come', async () => {
  const { db, store, published } = await heldBatchOf('alone');
  await store.settled();
  assert.ok(!db.inTransaction);
  assert.deepEqual(published.map((e) => e.name), ['alone']);
});

test('a batch of eight writes commits at the end of its turn even with more coming', async () => {
  const { db, store, cms, published } = setup(() => true);
  await store.settled();
  for (let i = 0; i < 8; i++) store.create(cms, 'default', { metadata: { name: `cm-${i}` } });
  await nextTurn();
  assert.ok(!db.inTransaction, 'committed without waiting');
  assert.equal(published.length, 8);
});

test('without writes coming a batch commits at the end of its turn', async () => {
  const { db, store, cms, published } = setup(() => false);
  await store.settled();
  store.create(cms, 'default', { metadata: { name: 'now' } });
  await nextTurn();
  assert.ok(!db.inTransaction);
  assert.deepEqual(published.map((e) => e.name), ['now']);
});

test('flushing a held batch (shutdown) commits it at once', async () => {
  const { db, store, published } = await heldBatchOf('held');
  store.flush();
  assert.ok(!db.inTransaction);
  assert.deepEqual(published.map((e) => e.name), ['held']);
});
