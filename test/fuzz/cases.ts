import { resourceTable } from '../../schemas/resources.js';
import { FIXTURES } from '../fixtures/objects.js';
import type { Prng } from './prng.js';
import { deepJson, fuzzLabel, fuzzName, nastyString, wrongValue } from './values.js';
import { mutateTree } from './mutate.js';

export const FUZZ_NAMESPACE = 'fuzz';

/** One request the fuzzer sends. `slowChunks` sends the body in pieces; `stall` never finishes it. */
export interface FuzzCase {
  family: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  slowChunks?: number;
  stall?: boolean;
}

export interface FuzzKind {
  key: string;
  namespaced: boolean;
  collection: string;
  make(name: string): Record<string, any>;
}

const TABLE = resourceTable();

/** Every kind the fixtures know, with its collection URL (namespaced kinds in the fuzz namespace). */
export const FUZZ_KINDS: FuzzKind[] = Object.keys(FIXTURES).map((key) => {
  const def = TABLE.all.find((d) => d.key === key);
  if (!def) throw new Error(`fixture ${key} names no row of the resource table`);
  const scope = def.namespaced ? `/namespaces/${FUZZ_NAMESPACE}` : '';
  return {
    key,
    namespaced: def.namespaced,
    collection: `${def.prefix}${scope}/${def.resource}`,
    make: (name) => FIXTURES[key].make(name, undefined, FUZZ_NAMESPACE),
  };
});

/** The name of the object of each kind the fuzzer seeds, so updates, patches and deletes have a target. */
export const seededName = (kind: FuzzKind) => `seed-${kind.key.split('.')[0]}`;

const JSON_TYPE = { 'content-type': 'application/json' };
const PATCH_TYPES = ['application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** A structurally broken rendering of `text`: truncated, spliced with junk, invalid UTF-8, or not the format at all. */
function breakText(rng: Prng, text: string): Buffer {
  switch (rng.int(0, 7)) {
    case 0: return Buffer.from(text.slice(0, rng.int(0, text.length - 1)));
    case 1: {
      const at = rng.int(0, text.length);
      return Buffer.from(text.slice(0, at) + rng.pick(['}', ']', ',', '"', ':', '\\', '\u0000', 'NaN', 'undefined']) + text.slice(at));
    }
    case 2: return Buffer.concat([Buffer.from(text.slice(0, 10)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(text.slice(10))]);
    case 3: return Buffer.from(`\ufeff${text}`);
    case 4: return Buffer.from(text.replace(/"metadata"/, '"metadata":{},"metadata"'));
    case 5: return Buffer.from(deepJson(rng.pick([1000, 100_000])));
    case 6: return Buffer.from(rng.pick(['', ' ', 'null', '[]', '"x"', '42', 'true', '{}']));
    default: return Buffer.from(`${deepJson(rng.int(10, 50), '{"a":', '}').replace(/}$/, '')}`);
  }
}

const BROKEN_YAML = [
  'metadata: [unclosed', 'a: b\n\tc: d', 'metadata:\n  name: x\n name: y', '- a\nb: c', 'x: &a [*a]',
  'a: &a ["x","x","x"]\nb: &b [*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d]',
  '!!binary AAAA', 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\ndata: {a: !!int "x"}', ': :', '%YAML 9.9\n---\na: b',
  '{"a": 1, "a": 2}', '---\na: 1\n---\nb: 2',
];

/** Paths a router or a decoder may choke on: broken escapes, dot segments, odd names and lengths. */
const BAD_PATH_SUFFIXES = ['/%zz', '/%E0%A4%A', '/%', '/..%2F..%2Fetc', '/./x', '//', '/a%00b', '/%F0%9F%9A%80', `/${'n'.repeat(2000)}`, '/x/status/extra', '/x/bogus'];

const BAD_QUERIES = [
  'limit=-1', 'limit=abc', 'limit=99999999999999999999', 'resourceVersion=abc', 'resourceVersion=-5',
  'resourceVersionMatch=Bogus', 'resourceVersion=1&resourceVersionMatch=Exact', 'labelSelector=a%20in%20(',
  'labelSelector=!!', 'labelSelector=a%3Db%2C', `labelSelector=${'a'.repeat(5000)}`, 'labelSelector=a%3D%3D%3Db',
  'fieldSelector=spec.bogus%3D1', 'fieldSelector=%3D%3D', 'fieldSelector=metadata.name%3D%3Dx%2C', 'watch=maybe',
  'timeoutSeconds=-5', 'timeoutSeconds=abc', 'continue=garbage', 'continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6LTF9',
  'limit=1&continue=%00', 'dryRun=Bogus', `fieldManager=${'m'.repeat(200)}`, 'fieldValidation=Bogus', 'pretty=maybe',
  'propagationPolicy=Bogus', 'gracePeriodSeconds=abc', 'orphanDependents=maybe', 'allowWatchBookmarks=x',
  'sendInitialEvents=true', 'a=%ZZ', 'labelSelector=%E0%A4%A', `${'k'.repeat(3000)}=v`, 'limit=1&limit=2&limit=x',
];

/** Picks a kind, and one family of bad (or barely valid) request for it. */
export function generateCase(rng: Prng, options: { stalledBodies: boolean }): FuzzCase {
  const kind = rng.pick(FUZZ_KINDS);
  const target = `${kind.collection}/${seededName(kind)}`;
  const fresh = () => kind.make(`f${rng.int(0, 1e9)}`);
  const family = rng.int(0, 14);
  switch (family) {
    case 0: {
      const obj = mutateTree(rng, fresh());
      return { family: 'create-mutated', method: 'POST', path: kind.collection, headers: JSON_TYPE, body: json(obj) };
    }
    case 1: {
      const obj = mutateTree(rng, kind.make(seededName(kind)));
      return { family: 'update-mutated', method: 'PUT', path: target, headers: JSON_TYPE, body: json(obj) };
    }
    case 2: {
      const obj = fresh();
      obj.metadata.name = fuzzName(rng);
      return { family: 'invalid-name', method: 'POST', path: kind.collection, headers: JSON_TYPE, body: json(obj) };
    }
    case 3: {
      const obj = fresh();
      const [key, value] = fuzzLabel(rng);
      obj.metadata[rng.pick(['labels', 'annotations'])] = { [key]: value };
      return { family: 'invalid-label', method: 'POST', path: kind.collection, headers: JSON_TYPE, body: json(obj) };
    }
    case 4: {
      const obj = fresh();
      obj.metadata.annotations = { big: rng.pick(['x'.repeat(300_000), nastyString(rng), deepJson(5000)]) };
      obj.metadata.labels = { [`l${rng.int(0, 9)}`]: nastyString(rng) };
      return { family: 'huge-or-unicode', method: rng.pick(['POST', 'PUT']), path: rng.chance(0.5) ? kind.collection : target, headers: JSON_TYPE, body: json(obj) };
    }
    case 5: {
      const text = JSON.stringify(fresh());
      return { family: 'broken-json', method: rng.pick(['POST', 'PUT', 'PATCH']), path: rng.chance(0.3) ? kind.collection : target,
        headers: rng.chance(0.5) ? JSON_TYPE : { 'content-type': rng.pick(PATCH_TYPES) }, body: breakText(rng, text) };
    }
    case 6:
      return { family: 'broken-yaml', method: rng.pick(['POST', 'PUT', 'PATCH']), path: rng.chance(0.5) ? kind.collection : target,
        headers: { 'content-type': rng.pick(['application/yaml', 'application/apply-patch+yaml']) }, body: Buffer.from(rng.pick(BROKEN_YAML)) };
    case 7:
      return badPatch(rng, target);
    case 8: {
      const [method, path] = rng.pick([['GET', kind.collection], ['GET', target], ['DELETE', target]]);
      return { family: 'bad-query', method, path: `${path}?${rng.pick(BAD_QUERIES)}`, headers: JSON_TYPE };
    }
    case 9:
      // Deleting a whole collection of namespaces would take the fuzz namespace with it.
      return { family: 'bad-delete-body', method: 'DELETE', path: rng.chance(0.8) || !kind.namespaced ? target : kind.collection, headers: JSON_TYPE,
        body: json(mutateTree(rng, { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, propagationPolicy: 'Background', preconditions: { uid: 'x', resourceVersion: '1' } })) };
    case 10:
      return { family: 'bad-headers', method: rng.pick(['POST', 'PUT', 'PATCH', 'GET']), path: rng.chance(0.5) ? kind.collection : target,
        headers: { 'content-type': rng.pick(['text/plain', 'multipart/form-data', 'application/json; charset=latin1', 'application/vnd.kubernetes.protobuf', '*/*', 'application/json-patch+json']),
          accept: rng.pick(['application/vnd.kubernetes.protobuf', 'text/html', 'application/json;as=Table;v=v1;g=meta.k8s.io', '*/*', 'application/json;as=Bogus']) },
        body: json(fresh()) };
    case 11:
      return { family: 'oversized', method: rng.pick(['POST', 'PUT']), path: rng.chance(0.5) ? kind.collection : target, headers: JSON_TYPE,
        body: Buffer.concat([Buffer.from('{"metadata":{"name":"big"},"data":{"a":"'), Buffer.alloc(rng.pick([1.6, 3.5]) * 1024 * 1024, 'x'), Buffer.from('"}}')]) };
    case 12:
      if (options.stalledBodies && rng.chance(0.02)) {
        return { family: 'stalled-body', method: 'POST', path: kind.collection, headers: JSON_TYPE, body: json(fresh()), stall: true };
      }
      return { family: 'slow-body', method: 'POST', path: kind.collection, headers: JSON_TYPE, body: json(mutateTree(rng, fresh())), slowChunks: rng.int(2, 6) };
    case 13: {
      const suffix = rng.pick(BAD_PATH_SUFFIXES);
      // `//` is the collection itself: DELETE there would empty it (for namespaces, the fuzz namespace with it).
      const method = rng.pick(suffix === '//' ? ['GET', 'PUT', 'PATCH'] : ['GET', 'PUT', 'PATCH', 'DELETE', 'POST']);
      return { family: 'bad-path', method, path: kind.collection + suffix, headers: JSON_TYPE, body: json(fresh()) };
    }
    default:
      return { family: 'wrong-value', method: 'POST', path: kind.collection, headers: JSON_TYPE,
        body: json({ ...fresh(), [rng.pick(['spec', 'metadata', 'status', 'data', 'kind', 'apiVersion'])]: wrongValue(rng) }) };
  }
}

/** Patches of each of the four types that are malformed, fail their preconditions, or patch in nonsense. */
function badPatch(rng: Prng, target: string): FuzzCase {
  const type = rng.pick(PATCH_TYPES);
  const bodies: Record<string, () => unknown> = {
    'application/merge-patch+json': () => rng.pick([
      { metadata: { resourceVersion: '1' } }, { metadata: { name: 'renamed' } }, { metadata: { uid: 'other' } },
      { spec: wrongValue(rng) }, { metadata: { labels: { 'bad key': 'v' } } }, [1, 2], 'x', { kind: 'Other' },
      { apiVersion: 'v9' }, { metadata: { namespace: 'elsewhere' } },
    ]),
    'application/json-patch+json': () => rng.pick([
      [{ op: 'bogus', path: '/a' }], [{ op: 'add', path: 'no-slash', value: 1 }], [{ op: 'test', path: '/metadata/name', value: 'other' }],
      [{ op: 'remove', path: '/metadata/missing' }], [{ op: 'replace', path: '/metadata/name', value: 'renamed' }],
      [{ op: 'move', from: '/spec', path: '/spec/inner' }], [{ op: 'add', path: '/metadata/labels/~2', value: 'x' }],
      [{ op: 'copy', from: '/nowhere', path: '/x' }], { op: 'add' }, [null], [{ op: 'add', path: '/metadata/annotations', value: wrongValue(rng) }],
      Array.from({ length: 10_000 }, () => ({ op: 'add', path: '/metadata/labels', value: {} })),
    ]),
    'application/strategic-merge-patch+json': () => rng.pick([
      { $patch: 'bogus' }, { metadata: { $patch: 'delete' } }, { spec: { $setElementOrder: 'x' } }, { spec: { containers: [{ $patch: 'replace' }] } },
      { spec: { containers: wrongValue(rng) } }, { metadata: { finalizers: [{ a: 1 }] } }, { $retainKeys: [1] },
      { spec: { 'template': { spec: { containers: [{ name: wrongValue(rng) }] } } } },
    ]),
    'application/apply-patch+yaml': () => rng.pick([
      { apiVersion: 'v1', kind: 'Wrong', metadata: { name: 'x' } }, { metadata: { name: 'other' } }, { kind: 'ConfigMap' },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: wrongValue(rng) } }, [],
    ]),
  };
  const query = type === 'application/apply-patch+yaml' && rng.chance(0.7) ? '?fieldManager=fuzz' : '';
  return { family: `bad-patch-${type.split('/')[1].split('+')[0].replace('-patch', '')}`, method: 'PATCH', path: target + query,
    headers: { 'content-type': type }, body: json(bodies[type]()) };
}
