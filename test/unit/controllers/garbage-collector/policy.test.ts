import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  blocksOwner,
  coordinatesMatch,
  deletionStartsWith,
  dependentAction,
  formatOwnerRef,
  ownerState,
  ownPropagationPolicy,
  referencesDiff,
  unblockedOwnerUids,
  unblockOwnerReferences,
  type ClassifiedRef,
  type DependentAction,
  type OwnerState,
} from '../../../../controllers/garbage-collector/policy.js';
import type { KubeObject, OwnerReference } from '../../../../schemas/meta.js';

const ref = (uid: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${uid}`, uid, ...extra });
const refs = (...states: Array<[string, OwnerState]>): ClassifiedRef[] => states.map(([uid, state]) => ({ ref: ref(uid), state }));
const obj = (meta: Partial<KubeObject['metadata']>): KubeObject => ({ metadata: { name: 'x', uid: 'u', ...meta } });
const DELETING = '2026-01-01T00:00:00Z';

test('dependentAction reproduces attemptToDeleteItem', () => {
  const base = { finalizers: [], hasDependents: false, dependentIsDeletingDependents: false };
  const cases: Array<{ name: string; facts: Parameters<typeof dependentAction>[0]; want: DependentAction }> = [
    { name: 'item without owners is left alone', facts: { ...base, refs: [] }, want: { action: 'none' } },
    { name: 'every owner solid: nothing to do', facts: { ...base, refs: refs(['a', 'solid'], ['b', 'solid']) }, want: { action: 'none' } },
    {
      name: 'a solid owner remains: only dangling references are removed',
      facts: { ...base, refs: refs(['a', 'solid'], ['b', 'dangling']) },
      want: { action: 'removeOwnerRefs', uids: ['b'] },
    },
    {
      name: 'a solid owner remains: references to owners waiting for dependents are removed too, so they are not stuck',
      facts: { ...base, refs: refs(['a', 'solid'], ['b', 'waiting'], ['c', 'dangling']) },
      want: { action: 'removeOwnerRefs', uids: ['b', 'c'] },
    },
    {
      name: 'all owners dangling: delete in the background',
      facts: { ...base, refs: refs(['a', 'dangling'], ['b', 'dangling']) },
      want: { action: 'delete', policy: 'Background', unblockFirst: false },
    },
    {
      name: 'all owners dangling, an orphan finalizer already on the item is honoured',
      facts: { ...base, finalizers: ['orphan'], refs: refs(['a', 'dangling']) },
      want: { action: 'delete', policy: 'Orphan', unblockFirst: false },
    },
    {
      name: 'all owners dangling, a foregroundDeletion finalizer already on the item is honoured',
      facts: { ...base, finalizers: ['foregroundDeletion'], refs: refs(['a', 'dangling']) },
      want: { action: 'delete', policy: 'Foreground', unblockFirst: false },
    },
    {
      name: 'owner waiting for dependents, item has no dependents: plain background delete',
      facts: { ...base, refs: refs(['a', 'waiting']) },
      want: { action: 'delete', policy: 'Background', unblockFirst: false },
    },
    {
      name: 'owner waiting for dependents, item has dependents: delete in the foreground',
      facts: { ...base, hasDependents: true, refs: refs(['a', 'waiting'], ['b', 'dangling']) },
      want: { action: 'delete', policy: 'Foreground', unblockFirst: false },
    },
    {
      name: 'foreground cycle: a dependent of the item also waits, so the item unblocks its owners first',
      facts: { ...base, hasDependents: true, dependentIsDeletingDependents: true, refs: refs(['a', 'waiting']) },
      want: { action: 'delete', policy: 'Foreground', unblockFirst: true },
    },
  ];
  for (const c of cases) assert.deepEqual(dependentAction(c.facts), c.want, c.name);
});

test('ownerState is upstream isDangling plus the waitingForDependentsDeletion class', () => {
  const cases: Array<{ name: string; found: KubeObject | undefined; want: OwnerState }> = [
    { name: 'GET returns 404', found: undefined, want: 'dangling' },
    { name: 'UID mismatch: another object under the name', found: obj({ uid: 'other' }), want: 'dangling' },
    { name: 'owner exists', found: obj({ uid: 'a' }), want: 'solid' },
    { name: 'owner being deleted in the background is still solid', found: obj({ uid: 'a', deletionTimestamp: DELETING }), want: 'solid' },
    {
      name: 'owner with deletionTimestamp and foregroundDeletion is waiting',
      found: obj({ uid: 'a', deletionTimestamp: DELETING, finalizers: ['foregroundDeletion'] }),
      want: 'waiting',
    },
    { name: 'foregroundDeletion without a deletionTimestamp is not waiting', found: obj({ uid: 'a', finalizers: ['foregroundDeletion'] }), want: 'solid' },
  ];
  for (const c of cases) assert.equal(ownerState(ref('a'), c.found), c.want, c.name);
});

test('ownPropagationPolicy: the item keeps the policy its finalizers chose', () => {
  assert.equal(ownPropagationPolicy([]), 'Background');
  assert.equal(ownPropagationPolicy(['example.com/x', 'orphan']), 'Orphan');
  assert.equal(ownPropagationPolicy(['foregroundDeletion']), 'Foreground');
});

test('blockingDependents: only blockOwnerDeletion=true references to that owner block it', () => {
  assert.equal(blocksOwner('a', [ref('a', { blockOwnerDeletion: true })]), true);
  assert.equal(blocksOwner('a', [ref('a', { blockOwnerDeletion: false })]), false);
  assert.equal(blocksOwner('a', [ref('a')]), false);
  assert.equal(blocksOwner('a', [ref('b', { blockOwnerDeletion: true })]), false);
});

test('TestUnblockOwnerReference: blocking references become false, the others are untouched', () => {
  const got = unblockOwnerReferences([ref('1', { blockOwnerDeletion: true }), ref('2', { blockOwnerDeletion: false }), ref('3')]);
  assert.deepEqual(got.map((r) => r.blockOwnerDeletion), [false, false, undefined]);
});

test('referencesDiff and addUnblockedOwnersToDeleteQueue', () => {
  const diff = referencesDiff(
    [ref('kept'), ref('gone', { blockOwnerDeletion: true }), ref('relaxed', { blockOwnerDeletion: true }), ref('quiet')],
    [ref('kept'), ref('relaxed', { blockOwnerDeletion: false }), ref('new'), ref('quiet', { controller: true })],
  );
  assert.deepEqual(diff.added.map((r) => r.uid), ['new']);
  assert.deepEqual(diff.removed.map((r) => r.uid), ['gone']);
  assert.deepEqual(diff.changed.map((c) => c.after.uid), ['relaxed', 'quiet']);
  assert.deepEqual(unblockedOwnerUids(diff), ['gone', 'relaxed'], 'a removed or relaxed blocking reference may free its owner');
});

test('deletionStartsWith: processTransitions fires once, when deletion with the finalizer begins', () => {
  const live = obj({ finalizers: ['orphan'] });
  const orphaning = obj({ deletionTimestamp: DELETING, finalizers: ['orphan'] });
  const cases: Array<{ name: string; old: KubeObject | undefined; now: KubeObject; want: boolean }> = [
    { name: 'first observed already orphaning', old: undefined, now: orphaning, want: true },
    { name: 'update that starts the deletion', old: live, now: orphaning, want: true },
    { name: 'later update while orphaning', old: orphaning, now: orphaning, want: false },
    { name: 'finalizer without deletion', old: undefined, now: live, want: false },
    { name: 'deleting with another finalizer', old: undefined, now: obj({ deletionTimestamp: DELETING, finalizers: ['x/y'] }), want: false },
  ];
  for (const c of cases) assert.equal(deletionStartsWith(c.old, c.now, 'orphan'), c.want, c.name);
});

test('coordinatesMatch compares uid, name, kind and apiVersion', () => {
  const identity = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u' };
  assert.equal(coordinatesMatch({ ...identity }, identity), true);
  assert.equal(coordinatesMatch({ ...identity, kind: 'Secret', apiVersion: 'v1' }, identity), false, 'a Secret reference carrying a Deployment uid');
  assert.equal(coordinatesMatch({ ...identity, name: 'other' }, identity), false);
});

test('formatOwnerRef renders like upstream objectReference.String()', () => {
  assert.equal(formatOwnerRef(ref('poduid2', { kind: 'Pod', name: 'podname2' }), 'ns1'), '[v1/Pod, namespace: ns1, name: podname2, uid: poduid2]');
});
