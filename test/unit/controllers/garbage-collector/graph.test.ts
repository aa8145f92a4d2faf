import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OwnerGraph, type GraphNode } from '../../../../controllers/garbage-collector/graph.js';
import { GraphBuilder } from '../../../../controllers/garbage-collector/graph-builder.js';
import type { KubeObject } from '../../../../schemas/meta.js';
import { resourceTable } from '../../../../schemas/resources.js';

const configmaps = resourceTable().find('', 'v1', 'configmaps')!;

function node(uid: string, owners: string[]): GraphNode {
  return {
    identity: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns1', name: `cm-${uid}`, uid },
    def: configmaps,
    owners: owners.map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${o}`, uid: o })),
    beingDeleted: false,
    deletingDependents: false,
  };
}

function cm(uid: string, owners: string[], meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'ns1', name: `cm-${uid}`, uid, ownerReferences: node(uid, owners).owners, ...meta } };
}

const dependents = (g: OwnerGraph, uid: string) => g.dependentsOf(uid).map((n) => n.identity.uid).sort();

test('TestProcessEvent: the dependents index follows adds, owner changes and deletes', () => {
  const g = new OwnerGraph();
  g.put(node('1', []));
  g.put(node('2', ['1']));
  g.put(node('3', ['1', '2']));
  g.put(node('4', ['2']));
  assert.deepEqual(dependents(g, '1'), ['2', '3']);
  assert.deepEqual(dependents(g, '2'), ['3', '4']);
  g.put(node('2', ['4']));
  assert.deepEqual(dependents(g, '1'), ['3']);
  assert.deepEqual(dependents(g, '4'), ['2']);
  g.remove('2');
  assert.deepEqual(dependents(g, '4'), []);
  assert.deepEqual(dependents(g, '2'), ['3', '4'], 'a deleted owner stays reachable as a virtual node for its dependents');
});

test('reverse order: dependents observed before their owner are found through the virtual owner', () => {
  const g = new OwnerGraph();
  g.put(node('4', ['2']));
  g.put(node('3', ['1', '2']));
  assert.deepEqual(dependents(g, '2'), ['3', '4']);
  assert.equal(g.get('2'), undefined);
  g.put(node('2', ['1']));
  assert.deepEqual(dependents(g, '1'), ['2', '3']);
});

test('GraphBuilder: which events enqueue which keys', () => {
  const keys: string[] = [];
  const b = new GraphBuilder((k) => keys.push(k));
  const take = () => keys.splice(0).sort();

  b.observe(configmaps, undefined, cm('owner', []));
  assert.deepEqual(take(), [], 'an ownerless object needs nothing');
  b.observe(configmaps, undefined, cm('dep', ['owner']));
  assert.deepEqual(take(), [], 'an observed owner with matching coordinates vouches for its dependent');
  b.observe(configmaps, undefined, cm('orphan-child', ['missing']));
  assert.deepEqual(take(), ['delete/orphan-child'], 'a virtual owner must be checked against the API');

  const foreground = { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] };
  b.observe(configmaps, cm('owner', []), cm('owner', [], foreground));
  assert.deepEqual(take(), ['delete/dep', 'delete/owner'], 'foreground deletion starts: the owner and its dependents');
  b.observe(configmaps, cm('owner', [], foreground), cm('owner', [], foreground));
  assert.deepEqual(take(), [], 'only the transition enqueues');

  b.observeDeletion(cm('dep', ['owner']));
  assert.deepEqual(take(), ['delete/owner'], 'a waiting owner is told its dependent is gone');

  b.observe(configmaps, undefined, cm('o2', [], { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['orphan'] }));
  assert.deepEqual(take(), ['orphan/o2']);

  b.observeDeletion(cm('owner', []));
  b.observe(configmaps, undefined, cm('late', ['owner']));
  assert.deepEqual(take(), ['delete/late']);
});
