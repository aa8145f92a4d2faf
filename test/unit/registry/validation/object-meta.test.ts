import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectMeta } from '../../../../schemas/meta.js';
import type { FieldError } from '../../../../server/registry/field-errors.js';
import {
  validateObjectMeta,
  validateObjectMetaUpdate,
  type ObjectMetaOptions,
} from '../../../../server/registry/validation/object-meta.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_TAIL =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const NOT_STANDARD = 'name is neither a standard finalizer name nor is it fully qualified';

/** `field: body`, the way kubectl prints each cause. */
function rendered(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${e.body}`);
}

const namespacedPod: ObjectMetaOptions = { namespaced: true, nameRule: 'subdomain' };
const clusterNode: ObjectMetaOptions = { namespaced: false, nameRule: 'subdomain' };
const pod = (extra: Partial<ObjectMeta> = {}): ObjectMeta => ({ name: 'web', namespace: 'default', ...extra });
const ref = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, ...extra });

interface CreateCase {
  name: string;
  meta: ObjectMeta;
  opts?: ObjectMetaOptions;
  path?: string;
  want: string[];
}

const createCases: CreateCase[] = [
  { name: 'valid namespaced object', meta: pod({ labels: { app: 'web' }, finalizers: ['example.com/x'] }), want: [] },
  { name: 'name or generateName is required', meta: { namespace: 'default' }, want: ['metadata.name: Required value: name or generateName is required'] },
  {
    name: 'generateName is checked as a prefix and the name still required',
    meta: { generateName: 'Web-', namespace: 'default' },
    want: [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`, 'metadata.name: Required value: name or generateName is required'],
  },
  { name: 'generateName with a trailing dash is a valid prefix', meta: pod({ generateName: 'web-' }), want: [] },
  { name: 'name follows the kind rule', meta: pod({ name: 'Web' }), want: [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`] },
  {
    name: 'NameIsDNSLabel rejects dots for label-named kinds',
    meta: { name: 'a.b' },
    opts: { namespaced: false, nameRule: 'label' },
    want: ['metadata.name: Invalid value: "a.b": must not contain dots'],
  },
  { name: 'namespace is required for namespaced kinds', meta: { name: 'web' }, want: ['metadata.namespace: Required value'] },
  {
    name: 'namespace must be a DNS-1123 label',
    meta: pod({ namespace: 'a.b' }),
    want: ['metadata.namespace: Invalid value: "a.b": must not contain dots'],
  },
  {
    name: 'namespace is forbidden on cluster-scoped kinds',
    meta: { name: 'node-1', namespace: 'default' },
    opts: clusterNode,
    want: ['metadata.namespace: Forbidden: not allowed on this type'],
  },
  { name: 'cluster-scoped kinds need no namespace', meta: { name: 'node-1' }, opts: clusterNode, want: [] },
  {
    name: 'generation must be non-negative',
    meta: pod({ generation: -1 }),
    want: ['metadata.generation: Invalid value: -1: must be greater than or equal to 0'],
  },
  {
    name: 'ValidateLabels reports key and value at metadata.labels',
    meta: pod({ labels: { 'a/b/c': 'ok', app: 'bad value' } }),
    want: [
      `metadata.labels: Invalid value: "a/b/c": a qualified name ${QUALIFIED_TAIL} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `metadata.labels: Invalid value: "bad value": ${LABEL_VALUE_MSG}`,
    ],
  },
  { name: 'annotation keys are compared lowercased', meta: pod({ annotations: { 'Example.COM/Key': 'v' } }), want: [] },
  {
    name: 'annotation keys must be qualified names',
    meta: pod({ annotations: { 'bad key': 'v' } }),
    want: [`metadata.annotations: Invalid value: "bad key": name part ${QUALIFIED_TAIL}`],
  },
  { name: 'annotations may total exactly 256 KiB', meta: pod({ annotations: { a: 'x'.repeat(262143) } }), want: [] },
  {
    name: 'annotations over 256 KiB are too long',
    meta: pod({ annotations: { a: 'x'.repeat(262144) } }),
    want: ['metadata.annotations: Too long: may not be more than 262144 bytes'],
  },
  {
    name: 'ownerReferences fields must not be empty (reported without an index)',
    meta: pod({ ownerReferences: [ref('a'), { apiVersion: '', kind: '', name: '', uid: '' }] }),
    want: [
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ],
  },
  {
    name: 'an apiVersion with two slashes has no version',
    meta: pod({ ownerReferences: [ref('a', { apiVersion: 'a/b/c' })] }),
    want: ['metadata.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty'],
  },
  {
    name: 'Events may not own objects',
    meta: pod({ ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }] }),
    want: [
      'metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:"v1", Kind:"Event", Name:"e", UID:"u", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner',
    ],
  },
  { name: 'events.k8s.io Events may own objects', meta: pod({ ownerReferences: [ref('e', { apiVersion: 'events.k8s.io/v1', kind: 'Event' })] }), want: [] },
  {
    name: 'only one owner reference may be the controller',
    meta: pod({ ownerReferences: [ref('a', { controller: true }), ref('b', { controller: true })] }),
    want: [
      'metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"a", UID:"uid-a", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}, v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"b", UID:"uid-b", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    ],
  },
  { name: 'controller=false does not count as a controller', meta: pod({ ownerReferences: [ref('a', { controller: true }), ref('b', { controller: false })] }), want: [] },
  { name: 'standard finalizers need no prefix', meta: pod({ finalizers: ['kubernetes', 'orphan'] }), want: [] },
  {
    name: 'finalizers must be qualified names, and unprefixed ones standard',
    meta: pod({ finalizers: ['example.com/ok', 'bad name'] }),
    want: [
      `metadata.finalizers: Invalid value: "bad name": name part ${QUALIFIED_TAIL}`,
      `metadata.finalizers[1]: Invalid value: "bad name": ${NOT_STANDARD}`,
    ],
  },
  { name: 'a custom unprefixed finalizer is not standard', meta: pod({ finalizers: ['custom'] }), want: [`metadata.finalizers[0]: Invalid value: "custom": ${NOT_STANDARD}`] },
  {
    name: 'orphan and foregroundDeletion cannot be both set',
    meta: pod({ finalizers: ['orphan', 'foregroundDeletion'] }),
    want: ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'],
  },
  {
    name: 'a custom path is used as the root',
    meta: { name: 'x', labels: { k: '-' } },
    opts: clusterNode,
    path: 'spec.template.metadata',
    want: [`spec.template.metadata.labels: Invalid value: "-": ${LABEL_VALUE_MSG}`],
  },
];

for (const c of createCases) {
  test(`ValidateObjectMeta: ${c.name}`, () => {
    assert.deepEqual(rendered(validateObjectMeta(c.meta, c.opts ?? namespacedPod, c.path)), c.want);
  });
}

test('ValidateObjectMeta: error types match upstream', () => {
  const errs = validateObjectMeta({ name: 'x', namespace: 'ns', annotations: { a: 'x'.repeat(262144) } }, clusterNode);
  assert.deepEqual(
    errs.map((e) => e.type),
    ['FieldValueForbidden', 'FieldValueTooLong'],
  );
});

const T1 = '2024-01-02T03:04:05Z';
const stored = (extra: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name: 'web',
  namespace: 'default',
  uid: 'uid-1',
  resourceVersion: '7',
  generation: 2,
  creationTimestamp: T1,
  ...extra,
});

interface UpdateCase {
  name: string;
  meta: ObjectMeta;
  old: ObjectMeta;
  want: string[];
}

const updateCases: UpdateCase[] = [
  { name: 'an unchanged object is valid', meta: stored(), old: stored(), want: [] },
  {
    name: 'name, namespace and uid are immutable',
    meta: stored({ name: 'other', namespace: 'kube-system', uid: 'uid-2' }),
    old: stored(),
    want: [
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "kube-system": field is immutable',
      'metadata.uid: Invalid value: "uid-2": field is immutable',
    ],
  },
  {
    name: 'creationTimestamp is immutable, shown as a Go time',
    meta: stored({ creationTimestamp: '2024-01-02T03:04:06.500Z' }),
    old: stored(),
    want: ['metadata.creationTimestamp: Invalid value: 2024-01-02 03:04:06.5 +0000 UTC: field is immutable'],
  },
  {
    name: 'dropping creationTimestamp shows the zero time',
    meta: stored({ creationTimestamp: undefined }),
    old: stored(),
    want: ['metadata.creationTimestamp: Invalid value: 0001-01-01 00:00:00 +0000 UTC: field is immutable'],
  },
  { name: 'timestamps compare as instants', meta: stored({ creationTimestamp: '2024-01-02T04:04:05+01:00' }), old: stored(), want: [] },
  {
    name: 'deletionTimestamp cannot be set by an update',
    meta: stored({ deletionTimestamp: T1 }),
    old: stored(),
    want: ['metadata.deletionTimestamp: Invalid value: 2024-01-02 03:04:05 +0000 UTC: field is immutable'],
  },
  {
    name: 'deletionTimestamp cannot be cleared by an update',
    meta: stored(),
    old: stored({ deletionTimestamp: T1, deletionGracePeriodSeconds: 30 }),
    want: [
      'metadata.deletionTimestamp: Invalid value: null: field is immutable',
      'metadata.deletionGracePeriodSeconds: Invalid value: null: field is immutable',
    ],
  },
  {
    name: 'deletionGracePeriodSeconds is immutable',
    meta: stored({ deletionTimestamp: T1, deletionGracePeriodSeconds: 0 }),
    old: stored({ deletionTimestamp: T1, deletionGracePeriodSeconds: 30 }),
    want: ['metadata.deletionGracePeriodSeconds: Invalid value: 0: field is immutable'],
  },
  {
    name: 'resourceVersion must be specified for an update',
    meta: stored({ resourceVersion: undefined }),
    old: stored(),
    want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update'],
  },
  {
    name: 'generation must not be decremented',
    meta: stored({ generation: 1 }),
    old: stored(),
    want: ['metadata.generation: Invalid value: 1: must not be decremented'],
  },
  {
    name: 'no new finalizers once the object is being deleted',
    meta: stored({ deletionTimestamp: T1, finalizers: ['example.com/z', 'example.com/a', 'example.com/keep'] }),
    old: stored({ deletionTimestamp: T1, finalizers: ['example.com/keep'] }),
    want: [
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/a", "example.com/z"}',
    ],
  },
  {
    name: 'finalizers may be removed while being deleted',
    meta: stored({ deletionTimestamp: T1, finalizers: [] }),
    old: stored({ deletionTimestamp: T1, finalizers: ['example.com/keep'] }),
    want: [],
  },
  { name: 'finalizers may be added before deletion', meta: stored({ finalizers: ['example.com/a'] }), old: stored(), want: [] },
  {
    name: 'labels, annotations, owner references and finalizers are re-checked',
    meta: stored({ labels: { k: 'a b' }, annotations: { '/x': '' }, ownerReferences: [ref('a', { uid: '' })], finalizers: ['mine'] }),
    old: stored(),
    want: [
      `metadata.labels: Invalid value: "a b": ${LABEL_VALUE_MSG}`,
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      `metadata.finalizers[0]: Invalid value: "mine": ${NOT_STANDARD}`,
    ],
  },
];

for (const c of updateCases) {
  test(`ValidateObjectMetaUpdate: ${c.name}`, () => {
    assert.deepEqual(rendered(validateObjectMetaUpdate(c.meta, c.old)), c.want);
  });
}
