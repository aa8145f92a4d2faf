import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceTable } from '../../../../schemas/resources.js';
import { Informer } from '../../../../controllers/runtime/informer.js';
import { systemClock } from '../../../../server/clock.js';
import { Store } from '../../../../server/registry/store.js';
import { openDatabase } from '../../../../server/storage/db.js';
import { WatchHub } from '../../../../server/storage/watch-hub.js';
import { ensureSystemObjects } from '../../../../server/bootstrap.js';

function setup() {
  const table = resourceTable();
  const hub = new WatchHub();
  const store = new Store(openDatabase({ path: ':memory:' }), hub, systemClock);
  ensureSystemObjects(store, table);
  return { table, hub, store, cms: table.find('', 'v1', 'configmaps')! };
}

test('an informer lists the current state, then follows every change in order', () => {
  const { hub, store, cms } = setup();
  store.create(cms, 'default', { metadata: { name: 'before' } });
  const informer = new Informer(store, hub, cms);
  const seen: string[] = [];
  informer.addHandlers({
    onAdd: (o) => seen.push(`add ${o.metadata.name}`),
    onUpdate: (old, o) => seen.push(`update ${o.metadata.name} ${old.metadata.resourceVersion}->${o.metadata.resourceVersion}`),
    onDelete: (o) => seen.push(`delete ${o.metadata.name}`),
  });
  informer.start();
  const created = store.create(cms, 'kube-system', { metadata: { name: 'after' } });
  const updated = store.patch(cms, 'kube-system', 'after', 'merge', { data: { a: '1' } }).object;
  store.delete(cms, 'default', 'before');
  assert.deepEqual(seen, [
    'add before',
    'add after',
    `update after ${created.metadata.resourceVersion}->${updated.metadata.resourceVersion}`,
    'delete before',
  ]);
  assert.deepEqual(informer.list().map((o) => o.metadata.name), ['after']);
  assert.deepEqual(informer.list('default'), []);
  assert.equal(informer.get('kube-system', 'after')?.metadata.resourceVersion, updated.metadata.resourceVersion);
});

test('handlers added after start get the cached objects as adds', () => {
  const { hub, store, cms } = setup();
  store.create(cms, 'default', { metadata: { name: 'x' } });
  const informer = new Informer(store, hub, cms);
  informer.start();
  const seen: string[] = [];
  informer.addHandlers({ onAdd: (o) => seen.push(o.metadata.name!) });
  assert.deepEqual(seen, ['x']);
  informer.stop();
  store.create(cms, 'default', { metadata: { name: 'y' } });
  assert.deepEqual(seen, ['x'], 'a stopped informer hears nothing');
});

test('startInPages reads a snapshot page by page and applies what changed meanwhile, once', async () => {
  const { hub, store, cms } = setup();
  for (let i = 0; i < 7; i++) store.create(cms, 'default', { metadata: { name: `cm-${i}` } });
  const informer = new Informer(store, hub, cms);
  const seen: string[] = [];
  informer.addHandlers({
    onAdd: (o) => seen.push(`add ${o.metadata.name}`),
    onUpdate: (_old, o) => seen.push(`update ${o.metadata.name}`),
    onDelete: (o) => seen.push(`delete ${o.metadata.name}`),
  });
  const starting = informer.startInPages(3);
  // Changes while the pages are being read: they arrive after the snapshot, each exactly once.
  store.delete(cms, 'default', 'cm-6');
  store.patch(cms, 'default', 'cm-0', 'merge', { data: { a: '1' } });
  store.create(cms, 'default', { metadata: { name: 'late' } });
  await starting;
  assert.deepEqual(seen.slice(0, 7), Array.from({ length: 7 }, (_, i) => `add cm-${i}`));
  assert.deepEqual(seen.slice(7), ['delete cm-6', 'update cm-0', 'add late']);
  assert.deepEqual(informer.list().map((o) => o.metadata.name).sort(), ['cm-0', 'cm-1', 'cm-2', 'cm-3', 'cm-4', 'cm-5', 'late']);
  store.create(cms, 'default', { metadata: { name: 'live' } });
  assert.equal(seen.at(-1), 'add live', 'then it follows live');
});
