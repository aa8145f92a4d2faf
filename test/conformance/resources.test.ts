import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { RESOURCES } from '../../schemas/resources.js';
import { useSharedServer } from '../helpers/api.js';
import { FIXTURES } from '../fixtures/objects.js';

/** One suite, run for every row of the resource table: the verbs every kind must answer like upstream. */
// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });

RESOURCES.forEach((def, index) => {
  const fixture = FIXTURES[def.key];
  const ns = `conf-${index}`;
  const collection = def.namespaced ? `${def.prefix}/namespaces/${ns}/${def.resource}` : `${def.prefix}/${def.resource}`;
  const item = (name: string) => `${collection}/${name}`;
  const qualified = def.group ? `${def.resource}.${def.group}` : def.resource;
  const n = (base: string) => `${base}-${index}`;

  describe(`${def.key} conformance`, () => {
    before(async () => {
      assert.ok(fixture, `fixture for ${def.key}`);
      if (def.namespaced) assert.equal((await shared().api.post('/api/v1/namespaces', { metadata: { name: ns } })).status, 201);
    });

    test('create answers 201 with system metadata, get returns the same object, a second create 409s', async () => {
      const created = await shared().api.post(collection, fixture.make(n('a'), undefined, ns));
      assert.equal(created.status, 201, created.text);
      const meta = created.body.metadata;
      assert.equal(created.body.kind, def.kind);
      assert.equal(created.body.apiVersion, def.apiVersion);
      assert.match(meta.uid, /^[0-9a-f-]{36}$/);
      assert.match(meta.resourceVersion, /^\d+$/);
      assert.match(meta.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (def.tracksGeneration) assert.equal(meta.generation, 1);
      const got = await shared().api.get(item(n('a')));
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, created.body);
      const again = await shared().api.post(collection, fixture.make(n('a'), undefined, ns));
      assert.equal(again.status, 409);
      assert.equal(again.body.reason, 'AlreadyExists');
      assert.equal(again.body.message, `${qualified} "${n('a')}" already exists`);
    });

    test('get of a missing object is a 404 NotFound Status', async () => {
      const missing = await shared().api.get(item('missing'));
      assert.equal(missing.status, 404);
      assert.equal(missing.body.kind, 'Status');
      assert.equal(missing.body.message, `${qualified} "missing" not found`);
      assert.deepEqual(missing.body.details, { name: 'missing', group: def.group, kind: def.resource });
    });

    test('list returns the list kind at the current resourceVersion, per namespace and across namespaces', async () => {
      const list = await shared().api.get(collection);
      assert.equal(list.status, 200);
      assert.equal(list.body.kind, `${def.kind}List`);
      assert.equal(list.body.apiVersion, def.apiVersion);
      const names = list.body.items.map((i: any) => i.metadata.name);
      assert.ok(names.includes(n('a')), names.join(','));
      const newest = Math.max(...list.body.items.map((i: any) => Number(i.metadata.resourceVersion)));
      assert.ok(Number(list.body.metadata.resourceVersion) >= newest);
      if (def.namespaced) {
        const everywhere = await shared().api.get(`${def.prefix}/${def.resource}`);
        assert.equal(everywhere.status, 200);
        assert.ok(everywhere.body.items.some((i: any) => i.metadata.namespace === ns && i.metadata.name === n('a')));
      }
    });

    test('update with a stale resourceVersion is a 409 Conflict; with the current one it succeeds', async () => {
      const current = (await shared().api.get(item(n('a')))).body;
      const stale = structuredClone(current);
      stale.metadata.resourceVersion = String(Number(current.metadata.resourceVersion) - 1);
      fixture.mutate(stale);
      const conflict = await shared().api.put(item(n('a')), stale);
      assert.equal(conflict.status, 409);
      assert.equal(conflict.body.reason, 'Conflict');
      assert.match(conflict.body.message, /the object has been modified; please apply your changes to the latest version and try again/);
      const fresh = structuredClone(current);
      fixture.mutate(fresh);
      const updated = await shared().api.put(item(n('a')), fresh);
      assert.equal(updated.status, 200, updated.text);
      assert.ok(Number(updated.body.metadata.resourceVersion) > Number(current.metadata.resourceVersion));
      assert.equal(updated.body.metadata.uid, current.metadata.uid);
      if (def.tracksGeneration) assert.equal(updated.body.metadata.generation, 2);
    });

    if (def.subresources.includes('status')) {
      test('status and spec are written only through their own endpoints', async () => {
        const current = (await shared().api.get(item(n('a')))).body;
        const viaMain = structuredClone(current);
        viaMain.status = fixture.status;
        const main = await shared().api.put(item(n('a')), viaMain);
        assert.equal(main.status, 200, main.text);
        assert.deepEqual(main.body.status, current.status, 'main resource write must not change status');
        const viaStatus = structuredClone(main.body);
        viaStatus.status = { ...(current.status ?? {}), ...fixture.status };
        fixture.mutate(viaStatus);
        const status = await shared().api.put(`${item(n('a'))}/status`, viaStatus);
        assert.equal(status.status, 200, status.text);
        for (const [key, value] of Object.entries(fixture.status!)) assert.deepEqual(status.body.status[key], value);
        const { metadata: _m1, status: _s1, ...specAfter } = status.body;
        const { metadata: _m2, status: _s2, ...specBefore } = main.body;
        assert.deepEqual(specAfter, specBefore, 'status write must not change spec');
        assert.equal(status.body.metadata.generation, main.body.metadata.generation, 'status writes never bump generation');
        const got = await shared().api.get(`${item(n('a'))}/status`);
        assert.equal(got.status, 200);
      });
    } else {
      test('there is no status subresource', async () => {
        assert.equal((await shared().api.get(`${item(n('a'))}/status`)).status, 404);
      });
    }

    test('merge and JSON patches apply; a patch with a stale resourceVersion is a 409', async () => {
      const merged = await shared().api.patch(item(n('a')), { metadata: { labels: { patched: 'merge' } } });
      assert.equal(merged.status, 200, merged.text);
      assert.equal(merged.body.metadata.labels.patched, 'merge');
      const json = await shared().api.patch(item(n('a')), [{ op: 'add', path: '/metadata/annotations', value: { a: 'b' } }], 'application/json-patch+json');
      assert.equal(json.status, 200, json.text);
      assert.equal(json.body.metadata.annotations.a, 'b');
      assert.equal(json.body.metadata.labels.patched, 'merge');
      const stale = await shared().api.patch(item(n('a')), { metadata: { resourceVersion: '1', labels: { x: 'y' } } });
      assert.equal(stale.status, 409);
    });

    test('dryRun=All validates and answers without storing or consuming a resourceVersion', async () => {
      const before = (await shared().api.get(collection)).body.metadata.resourceVersion;
      const dry = await shared().api.post(`${collection}?dryRun=All`, fixture.make(n('dry'), undefined, ns));
      assert.equal(dry.status, 201, dry.text);
      assert.equal(dry.body.metadata.name, n('dry'));
      assert.equal((await shared().api.get(item(n('dry')))).status, 404);
      assert.equal((await shared().api.get(collection)).body.metadata.resourceVersion, before);
    });

    test('label and field selectors filter the list', async () => {
      for (const name of [n('sel-x'), n('sel-y')]) {
        const res = await shared().api.post(collection, fixture.make(name, { tier: name === n('sel-x') ? 'x' : 'y' }, ns));
        assert.equal(res.status, 201, res.text);
      }
      const byLabel = await shared().api.get(`${collection}?labelSelector=${encodeURIComponent('tier in (x)')}`);
      assert.deepEqual(byLabel.body.items.map((i: any) => i.metadata.name), [n('sel-x')]);
      const notLabel = await shared().api.get(`${collection}?labelSelector=${encodeURIComponent('tier,tier!=x')}`);
      assert.deepEqual(notLabel.body.items.map((i: any) => i.metadata.name), [n('sel-y')]);
      const byField = await shared().api.get(`${collection}?fieldSelector=metadata.name%3D${n('sel-y')}`);
      assert.deepEqual(byField.body.items.map((i: any) => i.metadata.name), [n('sel-y')]);
      const bad = await shared().api.get(`${collection}?labelSelector=${encodeURIComponent('a in (')}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.reason, 'BadRequest');
    });

    test('limit and continue page through the list in name order', async () => {
      const all = (await shared().api.get(`${collection}?labelSelector=tier`)).body.items.map((i: any) => i.metadata.name);
      const first = await shared().api.get(`${collection}?labelSelector=tier&limit=1`);
      assert.equal(first.body.items.length, 1);
      assert.ok(first.body.metadata.continue, 'a continue token');
      const second = await shared().api.get(`${collection}?labelSelector=tier&limit=1&continue=${first.body.metadata.continue}`);
      assert.equal(second.body.items.length, 1);
      // Objects the selector skips (bootstrap objects named after these) may leave a last, empty page, as upstream.
      if (second.body.metadata.continue) {
        const third = await shared().api.get(`${collection}?labelSelector=tier&limit=1&continue=${second.body.metadata.continue}`);
        assert.deepEqual(third.body.items, []);
        assert.equal(third.body.metadata.continue, undefined);
      }
      assert.deepEqual([...first.body.items, ...second.body.items].map((i: any) => i.metadata.name), all);
    });

    test('delete removes the object (namespaces go Terminating first)', async () => {
      // kubectl's default body; a bare DELETE of an RC would orphan, leaving the object to the garbage collector.
      const res = await shared().api.delete(item(n('sel-x')), { propagationPolicy: 'Background' });
      if (def.resource === 'namespaces') {
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.status.phase, 'Terminating');
        assert.ok(res.body.metadata.deletionTimestamp);
        return;
      }
      assert.equal(res.status, 200, res.text);
      if (def.returnDeletedObject) assert.equal(res.body.metadata.name, n('sel-x'));
      else assert.deepEqual({ ...res.body, details: { ...res.body.details, uid: undefined } }, {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
        details: { name: n('sel-x'), group: def.group, kind: def.resource, uid: undefined },
      });
      assert.equal((await shared().api.get(item(n('sel-x')))).status, 404);
    });
  });
});
