import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { systemClock } from '../../../server/clock.js';
import { ApiError } from '../../../server/errors.js';
import { prepareCreateBody } from '../../../server/precheck/create-precheck.js';
import type { PreparedCreate } from '../../../server/registry/prepared-create.js';
import { toJson } from '../../../server/registry/serialized.js';
import { Store } from '../../../server/registry/store.js';
import { openDatabase } from '../../../server/storage/db.js';
import { WatchHub, type ChangeEvent } from '../../../server/storage/watch-hub.js';

const table = resourceTable();
const cms = table.find('', 'v1', 'configmaps')!;

function setup() {
  const hub = new WatchHub();
  const store = new Store(openDatabase({ path: ':memory:' }), hub, systemClock);
  store.create(table.find('', 'v1', 'namespaces')!, '', { metadata: { name: 'default' } });
  const published: ChangeEvent[] = [];
  hub.subscribe({ resource: cms.key, deliver: (e) => published.push(e), close: () => {} });
  return { store, published };
}

function prepared(body: unknown): PreparedCreate {
  const p = prepareCreateBody(cms, 'default', JSON.stringify(body), Date.now());
  assert.ok(p, 'the body is valid');
  return p;
}

/** A store holding an object stored under a generated name, and the worker's preparation that produced it. */
function withTakenGeneratedName() {
  const { store } = setup();
  const first = prepared({ metadata: { generateName: 'cm-' } });
  store.createPrepared(cms, 'default', first, {});
  return { store, first };
}

describe('Store.createPrepared: a worker-prepared create is stored, answered and published like any other', () => {
  it('stores the text with its resourceVersion and publishes an event whose object decodes from it', () => {
    const { store, published } = setup();
    const text = store.createPrepared(cms, 'default', prepared({ metadata: { name: 'a' }, data: { k: 'v' } }), {});
    assert.equal(store.getRaw(cms, 'default', 'a').toString('utf8'), text);
    const obj = JSON.parse(text);
    assert.equal(obj.metadata.resourceVersion, String(store.currentRv()));
    assert.equal(published.length, 1);
    assert.deepEqual([published[0].type, published[0].rv, published[0].name], ['ADDED', store.currentRv(), 'a']);
    assert.deepEqual(published[0].object, obj);
    assert.equal(published[0].object, published[0].object, 'decoded once');
    assert.equal(toJson(published[0].object), text, 'watchers are sent the stored text, not a new serialisation');
  });

  it('refuses a name that exists with AlreadyExists, writing nothing', () => {
    const { store, published } = setup();
    store.createPrepared(cms, 'default', prepared({ metadata: { name: 'a' } }), {});
    const rv = store.currentRv();
    assert.throws(
      () => store.createPrepared(cms, 'default', prepared({ metadata: { name: 'a' } }), {}),
      (err: unknown) => err instanceof ApiError && err.code === 409 && err.reason === 'AlreadyExists',
    );
    assert.equal(store.currentRv(), rv);
    assert.equal(published.length, 1);
  });

  it('draws another name when a generated one is taken', () => {
    const { store, first } = withTakenGeneratedName();
    const again: PreparedCreate = { ...first, uid: 'another-uid' };
    const stored = JSON.parse(store.createPrepared(cms, 'default', again, {}));
    assert.notEqual(stored.metadata.name, first.name);
    assert.match(stored.metadata.name, /^cm-[a-z0-9]{5}$/);
    assert.deepEqual(JSON.parse(store.getRaw(cms, 'default', stored.metadata.name).toString('utf8')), stored);
  });

  it('stores nothing on a dry run', () => {
    const { store, published } = setup();
    const rv = store.currentRv();
    const answer = JSON.parse(store.createPrepared(cms, 'default', prepared({ metadata: { name: 'dry' } }), { dryRun: true }));
    assert.equal(answer.metadata.name, 'dry');
    assert.equal(store.tryGet(cms, 'default', 'dry'), undefined);
    assert.equal(store.currentRv(), rv);
    assert.equal(published.length, 0);
  });

  it('keeps the worker\'s preparation on a dry run, drawing another generated name if this one is taken', () => {
    const { store, first } = withTakenGeneratedName();
    const answer = JSON.parse(store.createPrepared(cms, 'default', first, { dryRun: true }));
    assert.notEqual(answer.metadata.name, first.name);
    assert.equal(answer.metadata.uid, first.uid, 'not prepared a second time');
    assert.equal(store.tryGet(cms, 'default', answer.metadata.name), undefined);
  });

  it('refuses a namespace that does not exist', () => {
    const { store } = setup();
    const body = prepareCreateBody(cms, 'missing', '{"metadata":{"name":"a"}}', Date.now())!;
    assert.throws(
      () => store.createPrepared(cms, 'missing', body, {}),
      (err: unknown) => err instanceof ApiError && err.code === 404,
    );
  });
});
