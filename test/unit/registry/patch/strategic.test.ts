import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type, type TSchema } from '@sinclair/typebox';
import { MergeList } from '../../../../schemas/meta.js';
import { Pod } from '../../../../schemas/core/pod.js';
import { ApiError } from '../../../../server/errors.js';
import { goStableSort } from '../../../../server/registry/patch/go-stable-sort.js';
import { applyStrategicMergePatch } from '../../../../server/registry/patch/strategic.js';

// A small document shaped like upstream's MergeItem test type, so the cases read like its test tables.
const Str = Type.Optional(Type.String());
const mergingIntList = Type.Optional(Type.Array(Type.Integer(), { 'x-kubernetes-patch-strategy': 'merge' }));
const Leaf = Type.Object({
  name: Str,
  value: Str,
  other: Str,
  nonMergingList: Type.Optional(Type.Array(Type.Object({ name: Str, value: Str }))),
});
const Item = Type.Object({
  name: Str,
  value: Str,
  other: Str,
  mergingList: Type.Optional(MergeList(Leaf, 'name')),
  nonMergingList: Type.Optional(Type.Array(Leaf)),
  mergingIntList,
});
const Doc = Type.Object({
  name: Str,
  value: Str,
  other: Str,
  mergingList: Type.Optional(MergeList(Item, 'name')),
  nonMergingList: Type.Optional(Type.Array(Item)),
  mergingIntList,
  nonMergingIntList: Type.Optional(Type.Array(Type.Integer())),
  simpleMap: Type.Optional(Type.Record(Type.String(), Type.String())),
  replacingItem: Type.Optional(Type.Unknown({ 'x-kubernetes-patch-strategy': 'replace' })),
  retainKeysMap: Type.Optional(Type.Object({ name: Str, value: Str, other: Str }, { 'x-kubernetes-patch-strategy': 'retainKeys' })),
  retainKeysMergingList: Type.Optional(
    Type.Array(Item, { 'x-kubernetes-patch-strategy': 'merge,retainKeys', 'x-kubernetes-patch-merge-key': 'name' }),
  ),
  nullableMergingList: Type.Optional(Type.Union([MergeList(Item, 'name'), Type.Null()])),
});

interface Case {
  name: string;
  original: unknown;
  patch: unknown;
  want: unknown;
  schema?: TSchema | null;
}

const named = (...names: string[]) => names.map((name) => ({ name }));

const cases: Case[] = [
  // Maps
  { name: 'add field to map', original: { name: '1' }, patch: { value: '1' }, want: { name: '1', value: '1' } },
  {
    name: 'add field and delete field from map',
    original: { name: '1', other: 'a' },
    patch: { name: null, value: '1' },
    want: { value: '1', other: 'a' },
  },
  {
    name: 'delete field from nested map',
    original: { simpleMap: { key1: '1', key2: '1', other: 'a' } },
    patch: { simpleMap: { key2: null } },
    want: { simpleMap: { key1: '1', other: 'a' } },
  },
  {
    name: 'kubectl apply removing a label sends it as null',
    original: { simpleMap: { app: 'x', tier: 'web' } },
    patch: { simpleMap: { tier: null } },
    want: { simpleMap: { app: 'x' } },
  },
  {
    name: 'null values inside a field the original lacks are discarded (kubernetes#105689)',
    original: {},
    patch: { simpleMap: { a: 'x', b: null } },
    want: { simpleMap: { a: 'x' } },
  },
  {
    name: 'delete map from nested map with $patch: delete',
    original: { simpleMap: { key1: '1', key2: '1' } },
    patch: { simpleMap: { $patch: 'delete' } },
    want: { simpleMap: {} },
  },
  { name: 'delete all keys from map', original: { name: '1', value: '1' }, patch: { $patch: 'replace' }, want: {} },
  {
    name: 'add key and delete all keys from map',
    original: { name: '1', value: '1' },
    patch: { other: 'a', $patch: 'replace' },
    want: { other: 'a' },
  },
  {
    name: '$patch: replace on a nested map takes the map as sent',
    original: { retainKeysMap: { name: 'foo', value: 'a' } },
    patch: { retainKeysMap: { $patch: 'replace', other: 'b' } },
    want: { retainKeysMap: { other: 'b' } },
  },
  {
    name: 'a field with patch strategy replace is replaced, not merged',
    original: { replacingItem: { a: 1, b: { c: 1 } } },
    patch: { replacingItem: { b: { d: 2 } } },
    want: { replacingItem: { b: { d: 2 } } },
  },
  {
    name: 'a value of another type replaces the field',
    original: { other: ['a'] },
    patch: { other: { b: 'c' } },
    want: { other: { b: 'c' } },
  },
  {
    name: 'a new field keeps none of the directives or nulls it carries',
    original: {},
    patch: {
      mergingList: [{ name: 'a', value: null, mergingList: [{ name: 'x' }, { $patch: 'delete', name: 'y' }] }],
      simpleMap: { $patch: 'replace', a: 'b' },
    },
    want: { mergingList: [{ name: 'a', mergingList: [{ name: 'x' }] }] },
  },
  {
    name: 'without schema metadata maps still merge recursively',
    schema: null,
    original: { a: { b: 1, c: 2 } },
    patch: { a: { c: null, d: 3 } },
    want: { a: { b: 1, d: 3 } },
  },
  {
    name: 'without schema metadata lists are replaced whole',
    schema: null,
    original: { l: named('a', 'b') },
    patch: { l: named('c') },
    want: { l: named('c') },
  },
  { name: 'nil patch', original: { name: '1' }, patch: null, want: { name: '1' } },

  // retainKeys
  {
    name: 'retainKeys map can add a field when no retainKeys directive present',
    original: { retainKeysMap: { name: 'foo' } },
    patch: { retainKeysMap: { value: 'bar' } },
    want: { retainKeysMap: { name: 'foo', value: 'bar' } },
  },
  {
    name: '$retainKeys clears the fields it does not name',
    original: { retainKeysMap: { name: 'foo', value: 'a', other: 'x' } },
    patch: { retainKeysMap: { $retainKeys: ['name', 'value'], value: 'b' } },
    want: { retainKeysMap: { name: 'foo', value: 'b' } },
  },
  {
    name: '$retainKeys in a merging-list item, as kubectl sends for volumes',
    original: { retainKeysMergingList: [{ name: 'v', value: 'emptyDir', other: 'x' }] },
    patch: { retainKeysMergingList: [{ $retainKeys: ['name', 'other'], name: 'v', other: 'y' }] },
    want: { retainKeysMergingList: [{ name: 'v', other: 'y' }] },
  },

  // Lists of primitives
  {
    name: 'unique scalars when merging lists',
    original: { mergingIntList: [1, 2] },
    patch: { mergingIntList: [2, 3] },
    want: { mergingIntList: [1, 2, 3] },
  },
  {
    name: 'preserve the order from the patch in a merging int list',
    original: { mergingIntList: [1, 2, 3] },
    patch: { mergingIntList: [3, 1] },
    want: { mergingIntList: [2, 3, 1] },
  },
  {
    name: 'replace list of scalars',
    original: { nonMergingIntList: [1, 2] },
    patch: { nonMergingIntList: [2, 3] },
    want: { nonMergingIntList: [2, 3] },
  },
  {
    name: 'delete items in lists of scalars',
    original: { mergingIntList: [1, 2, 3, 4] },
    patch: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
    want: { mergingIntList: [1, 2, 4] },
  },
  {
    name: 'delete all duplicate items in lists of scalars',
    original: { mergingIntList: [1, 2, 3, 3, 4] },
    patch: { '$deleteFromPrimitiveList/mergingIntList': [3] },
    want: { mergingIntList: [1, 2, 4] },
  },
  {
    name: '$deleteFromPrimitiveList deletes whatever the list strategy (kubernetes#110472)',
    original: { nonMergingIntList: [1, 2, 3] },
    patch: { '$deleteFromPrimitiveList/nonMergingIntList': [2] },
    want: { nonMergingIntList: [1, 3] },
  },
  {
    name: '$setElementOrder alone reorders a list of primitives',
    original: { mergingIntList: [1, 2, 3] },
    patch: { '$setElementOrder/mergingIntList': [2, 3, 1] },
    want: { mergingIntList: [2, 3, 1] },
  },
  {
    name: '$setElementOrder contains item that is not present in the int list to be merged',
    original: { mergingIntList: [1, 3] },
    patch: { '$setElementOrder/mergingIntList': [3, 2, 1] },
    want: { mergingIntList: [3, 1] },
  },
  {
    name: 'an empty $setElementOrder leaves a new list as Go’s stable sort does (reversed)',
    original: {},
    patch: { '$setElementOrder/mergingIntList': [], mergingIntList: [1, 2, 3] },
    want: { mergingIntList: [3, 2, 1] },
  },

  // Lists of maps
  {
    name: 'merge lists of maps',
    original: { mergingList: [{ name: '1', other: 'a' }, { name: '2', value: '2', other: 'b' }] },
    patch: {
      '$setElementOrder/mergingList': named('4', '1', '2', '3'),
      mergingList: [{ name: '4', value: '4' }, { name: '3', value: '3' }],
    },
    want: {
      mergingList: [
        { name: '4', value: '4' },
        { name: '1', other: 'a' },
        { name: '2', value: '2', other: 'b' },
        { name: '3', value: '3' },
      ],
    },
  },
  {
    name: 'add map and delete map from merging list',
    original: { mergingList: [{ name: '1' }, { name: '2', other: 'b' }, { name: '4', other: 'c' }] },
    patch: {
      '$setElementOrder/mergingList': named('2', '3'),
      mergingList: [{ name: '3' }, { name: '1', $patch: 'delete' }],
    },
    want: { mergingList: [{ name: '2', other: 'b' }, { name: '4', other: 'c' }, { name: '3' }] },
  },
  {
    name: 'add map and delete map from merging list with conflict',
    original: { mergingList: [{ name: '1', other: 'a' }, { name: '4', other: 'c' }] },
    patch: {
      '$setElementOrder/mergingList': named('2', '3'),
      mergingList: [{ name: '2' }, { name: '3' }, { name: '1', $patch: 'delete' }],
    },
    want: { mergingList: [{ name: '4', other: 'c' }, { name: '2' }, { name: '3' }] },
  },
  {
    name: 'preserve the order from the patch in a merging list',
    original: { mergingList: [{ name: '1' }, { name: '2', value: 'b' }, { name: '3' }] },
    patch: { mergingList: [{ name: '3', value: 'c' }, { name: '1', value: 'a' }] },
    want: { mergingList: [{ name: '2', value: 'b' }, { name: '3', value: 'c' }, { name: '1', value: 'a' }] },
  },
  {
    name: 'updating an item keeps the live order',
    original: { mergingList: named('a', 'b', 'c') },
    patch: { mergingList: [{ name: 'b', value: 'x' }] },
    want: { mergingList: [{ name: 'a' }, { name: 'b', value: 'x' }, { name: 'c' }] },
  },
  {
    name: 'an item the live list lacks goes ahead of the server-only items',
    original: { mergingList: named('a', 'b') },
    patch: { mergingList: named('c') },
    want: { mergingList: named('c', 'a', 'b') },
  },
  {
    name: 'delete map from merging list',
    original: { mergingList: named('a', 'b') },
    patch: { mergingList: [{ $patch: 'delete', name: 'b' }] },
    want: { mergingList: named('a') },
  },
  {
    name: 'delete all duplicate entries in a merging list',
    original: { mergingList: [{ name: '1' }, { name: '1' }, { name: '2', value: 'a' }, { name: '3' }, { name: '3' }] },
    patch: { mergingList: [{ name: '1', $patch: 'delete' }, { name: '3', $patch: 'delete' }] },
    want: { mergingList: [{ name: '2', value: 'a' }] },
  },
  {
    name: 'delete missing map from merging list',
    original: { mergingList: [{ name: '2', other: 'b' }] },
    patch: { mergingList: [{ name: '1', $patch: 'delete' }] },
    want: { mergingList: [{ name: '2', other: 'b' }] },
  },
  {
    name: 'delete all items from merging list',
    original: { mergingList: named('1', '2') },
    patch: { mergingList: [{ $patch: 'replace' }] },
    want: { mergingList: [] },
  },
  {
    name: '$patch: replace in a list keeps only the other items of the patch list',
    original: { mergingList: named('a', 'b') },
    patch: { mergingList: [{ name: 'c', value: 'x' }, { $patch: 'replace' }] },
    want: { mergingList: [{ name: 'c', value: 'x' }] },
  },
  { name: 'merge empty merging lists', original: { mergingList: [] }, patch: { mergingList: [] }, want: { mergingList: [] } },
  {
    name: 'merging list under a nullable schema is still merged by key',
    original: { nullableMergingList: [{ name: 'a', value: '1' }] },
    patch: { nullableMergingList: [{ name: 'a', other: '2' }] },
    want: { nullableMergingList: [{ name: 'a', value: '1', other: '2' }] },
  },
  {
    name: 'replace non merging list nested in merging list',
    original: {
      mergingList: [
        { name: '1', other: 'a', nonMergingList: [{ name: '1' }, { name: '2', value: '2' }] },
        { name: '2', other: 'b' },
      ],
    },
    patch: {
      '$setElementOrder/mergingList': named('1', '2'),
      mergingList: [{ name: '1', nonMergingList: [{ name: '1', value: '1' }] }],
    },
    want: {
      mergingList: [
        { name: '1', other: 'a', nonMergingList: [{ name: '1', value: '1' }] },
        { name: '2', other: 'b' },
      ],
    },
  },
  {
    name: 'add field to map in merging list nested in merging list',
    original: {
      mergingList: [
        { name: '1', other: 'a', mergingList: [{ name: '1' }, { name: '2', value: '2' }] },
        { name: '2', other: 'b' },
      ],
    },
    patch: {
      '$setElementOrder/mergingList': named('1', '2'),
      mergingList: [
        { '$setElementOrder/mergingList': named('1', '2'), name: '1', mergingList: [{ name: '1', value: '1' }] },
      ],
    },
    want: {
      mergingList: [
        { name: '1', other: 'a', mergingList: [{ name: '1', value: '1' }, { name: '2', value: '2' }] },
        { name: '2', other: 'b' },
      ],
    },
  },
];

for (const c of cases) {
  test(`strategic merge patch: ${c.name}`, () => {
    const original = structuredClone(c.original);
    const patch = structuredClone(c.patch);
    const got = applyStrategicMergePatch(original, patch, c.schema === null ? undefined : (c.schema ?? Doc));
    assert.deepEqual(got, c.want);
    assert.deepEqual(original, c.original, 'the original is left as it was');
    assert.deepEqual(patch, c.patch, 'the patch is left as it was');
  });
}

interface ErrorCase {
  name: string;
  original: unknown;
  patch: unknown;
  code: number;
  message: string;
}

const errorCases: ErrorCase[] = [
  {
    name: 'missing merge key should error out',
    original: { mergingList: [{ name: '1', value: 'a' }] },
    patch: { mergingList: [{ value: 'b' }] },
    code: 400,
    message: 'map: map[value:b] does not contain declared merge key: name',
  },
  {
    name: 'a deletion directive without its merge key',
    original: { mergingList: named('a') },
    patch: { mergingList: [{ $patch: 'delete', value: 'b' }] },
    code: 400,
    message: 'map: map[$patch:delete value:b] does not contain declared merge key: name',
  },
  {
    name: 'unknown patch type in a map',
    original: { simpleMap: { a: 'b' } },
    patch: { simpleMap: { $patch: 'foo', c: 'd' } },
    code: 400,
    message: 'unknown patch type: foo in map: map[$patch:foo]',
  },
  {
    name: 'unknown patch type that is not a string',
    original: {},
    patch: { $patch: 1 },
    code: 400,
    message: 'unknown patch type: %!s(int64=1) in map: map[$patch:1]',
  },
  {
    name: 'unknown patch type in a list item',
    original: { mergingList: named('a') },
    patch: { mergingList: [{ name: 'a', $patch: 'foo' }] },
    code: 400,
    message: 'unknown patch type: foo in map: map[$patch:foo]',
  },
  {
    name: '$patch: merge cannot be given in a list',
    original: { mergingList: named('a') },
    patch: { mergingList: [{ $patch: 'merge' }] },
    code: 400,
    message: 'merging lists cannot yet be specified in the patch',
  },
  {
    name: 'should check if order in $setElementOrder and patch list match',
    original: { mergingList: named('1', '3', '2') },
    patch: {
      '$setElementOrder/mergingList': named('1', '2', '3'),
      mergingList: [{ name: '3', value: '3' }, { name: '1', value: '1' }],
    },
    code: 400,
    message:
      'The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn\'t match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n',
  },
  {
    name: '$setElementOrder must be a list',
    original: { mergingList: named('a') },
    patch: { '$setElementOrder/mergingList': 'a' },
    code: 400,
    message: 'expected a []interface {}, but received a string',
  },
  {
    name: '$setElementOrder without a list name',
    original: {},
    patch: { $setElementOrder: [] },
    code: 400,
    message: 'invalid patch format of setElementOrder list',
  },
  {
    name: '$deleteFromPrimitiveList without a list name',
    original: {},
    patch: { $deleteFromPrimitiveListX: [1] },
    code: 400,
    message: 'invalid patch format of primitive list',
  },
  {
    name: 'a patch field missing from $retainKeys',
    original: { retainKeysMap: { name: 'foo' } },
    patch: { retainKeysMap: { $retainKeys: ['name'], value: 'b' } },
    code: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: '$retainKeys must be a list',
    original: { retainKeysMap: { name: 'foo' } },
    patch: { retainKeysMap: { $retainKeys: 'name' } },
    code: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'list element types are not identical',
    original: { mergingIntList: [1] },
    patch: { mergingIntList: ['a'] },
    code: 400,
    message: 'list element types are not identical: [[1] [a]]',
  },
  {
    name: 'lists of lists are not supported',
    original: { mergingIntList: [[1]] },
    patch: { mergingIntList: [[2]] },
    code: 422,
    message: 'the server rejected our request due to an error in our request',
  },
  { name: 'a patch that is not a map', original: {}, patch: [1], code: 400, message: 'invalid JSON document' },
];

for (const c of errorCases) {
  test(`strategic merge patch rejects: ${c.name}`, () => {
    assert.throws(
      () => applyStrategicMergePatch(c.original, c.patch, Doc),
      (err: unknown) => {
        assert.ok(err instanceof ApiError);
        assert.equal(err.code, c.code);
        assert.equal(err.message, c.message);
        return true;
      },
    );
  });
}

test('strategic merge patch: lists of lists name the reason in the 422 cause', () => {
  assert.throws(
    () => applyStrategicMergePatch({ mergingIntList: [[1]] }, { mergingIntList: [[2]] }, Doc),
    (err: unknown) =>
      err instanceof ApiError &&
      err.reason === 'Invalid' &&
      err.details?.causes?.[0]?.message === 'lists of lists are not supported',
  );
});

test('strategic merge patch: kubectl apply removals on a real Pod (kubectl contract §4.1)', () => {
  const live = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', labels: { app: 'x', tier: 'web' }, finalizers: ['a/b', 'c/d'] },
    spec: {
      containers: [
        {
          name: 'a',
          image: 'a:1',
          env: [{ name: 'E1', value: '1' }, { name: 'E2', value: '2' }],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
        },
        { name: 'b', image: 'b:1' },
      ],
      volumes: [{ name: 'v', emptyDir: {} }],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    },
  };
  const patch = {
    metadata: { labels: { tier: null }, '$deleteFromPrimitiveList/finalizers': ['a/b'] },
    spec: {
      '$setElementOrder/containers': [{ name: 'a' }],
      containers: [
        {
          name: 'a',
          image: 'a:2',
          '$setElementOrder/env': [{ name: 'E2' }],
          env: [{ $patch: 'delete', name: 'E1' }],
          '$setElementOrder/ports': [{ containerPort: 8080 }, { containerPort: 80 }],
          ports: [{ containerPort: 8080 }],
        },
        { $patch: 'delete', name: 'b' },
      ],
      volumes: [{ $retainKeys: ['configMap', 'name'], name: 'v', configMap: { name: 'cm' } }],
      tolerations: null,
    },
  };
  assert.deepEqual(applyStrategicMergePatch(live, patch, Pod), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', labels: { app: 'x' }, finalizers: ['c/d'] },
    spec: {
      containers: [
        {
          name: 'a',
          image: 'a:2',
          env: [{ name: 'E2', value: '2' }],
          ports: [{ containerPort: 8080 }, { containerPort: 80, protocol: 'TCP' }],
        },
      ],
      volumes: [{ name: 'v', configMap: { name: 'cm' } }],
    },
  });
});

test("Go's stable sort agrees with a stable sort when the comparator is a strict weak order", () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (const size of [0, 1, 2, 19, 20, 21, 40, 41, 77, 160]) {
    const items = Array.from({ length: size }, (_, i) => ({ key: Math.floor(random() * 10), i }));
    const go = items.slice();
    goStableSort(go, (a, b) => a.key < b.key);
    assert.deepEqual(go, items.slice().sort((a, b) => a.key - b.key), `size ${size}`);
  }
});
