import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint } from '../../../../schemas/core/node.js';
import type { PodSpec } from '../../../../schemas/core/pod.js';
import { podFacts } from '../../../../controllers/scheduler/filters.js';
import { buildNodeInfo, type SchedNode, type SchedPod } from '../../../../controllers/scheduler/node-info.js';
import { NON_ZERO_DEFAULTS, podRequests, toResources } from '../../../../controllers/scheduler/resources.js';
import {
  leastAllocatedScore,
  leastRequestedScore,
  normalizeScores,
  scoreNodes,
  selectHost,
} from '../../../../controllers/scheduler/score.js';

function node(name: string, allocatable = { cpu: '4', memory: '8Gi', pods: '110' }, taints?: Taint[], labels?: Record<string, string>): SchedNode {
  return { metadata: { name, labels }, spec: { taints }, status: { allocatable } };
}

function pod(name: string, requests?: Record<string, string>, spec: PodSpec = {}): SchedPod {
  return { metadata: { name, namespace: 'default', uid: name }, spec: { containers: [{ name: 'c', resources: requests ? { requests } : {} }], ...spec } };
}

test('leastRequestedScore is the free share scaled to 100, truncated, and 0 when over capacity', () => {
  assert.equal(leastRequestedScore(0, 4000), 100);
  assert.equal(leastRequestedScore(1000, 4000), 75);
  assert.equal(leastRequestedScore(1000, 3000), 66);
  assert.equal(leastRequestedScore(5000, 4000), 0);
  assert.equal(leastRequestedScore(0, 0), 0);
});

test('LeastAllocated averages cpu and memory, counting the non-zero defaults of best-effort pods', () => {
  const info = buildNodeInfo(node('n'), [pod('a', { cpu: '1', memory: '2Gi' })]);
  const incoming = toResources(podRequests(pod('p', { cpu: '1', memory: '2Gi' }).spec, NON_ZERO_DEFAULTS));
  // cpu (4000-2000)/4000 = 50, memory (8-4)/8 = 50
  assert.equal(leastAllocatedScore(incoming, info), 50);
  const bestEffort = toResources(podRequests(pod('p').spec, NON_ZERO_DEFAULTS));
  // cpu (4000-1100)*100/4000 = 72, memory (8Gi-2Gi-200Mi)*100/8Gi = 72 (72.5 truncated)
  assert.equal(leastAllocatedScore(bestEffort, info), 72);
  assert.equal(leastAllocatedScore(bestEffort, buildNodeInfo(node('m', { cpu: '0', memory: '0', pods: '1' }), [])), 0, 'a node with neither resource scores 0');
});

test('DefaultNormalizeScore scales by the maximum and flips for reverse scores', () => {
  assert.deepEqual(normalizeScores([0, 5, 10], false), [0, 50, 100]);
  assert.deepEqual(normalizeScores([0, 1, 3], true), [100, 67, 0]);
  assert.deepEqual(normalizeScores([0, 0], true), [100, 100]);
  assert.deepEqual(normalizeScores([0, 0], false), [0, 0]);
});

test('the least allocated node wins', () => {
  const busy = buildNodeInfo(node('a-busy'), [pod('x', { cpu: '3', memory: '1Gi' })]);
  const idle = buildNodeInfo(node('b-idle'), []);
  assert.equal(selectHost(podFacts(pod('p', { cpu: '100m' })), [busy, idle]), 'b-idle');
});

test('equal scores go to the node whose name sorts first', () => {
  const infos = ['node-c', 'node-a', 'node-b'].map((n) => buildNodeInfo(node(n), []));
  assert.equal(selectHost(podFacts(pod('p')), infos), 'node-a');
});

test('an untolerated PreferNoSchedule taint (weight 3) outweighs a better resource score', () => {
  const tainted = buildNodeInfo(node('a-tainted', undefined, [{ key: 'soft', effect: 'PreferNoSchedule' }]), []);
  const busier = buildNodeInfo(node('b-busier'), [pod('x', { cpu: '2', memory: '4Gi' })]);
  const facts = podFacts(pod('p'));
  assert.deepEqual(scoreNodes(facts, [tainted, busier]), [0 + 97, 300 + 47]);
  assert.equal(selectHost(facts, [tainted, busier]), 'b-busier');
  const tolerant = podFacts(pod('p', undefined, { tolerations: [{ key: 'soft', operator: 'Exists' }] }));
  assert.equal(selectHost(tolerant, [tainted, busier]), 'a-tainted');
});

test('preferred node affinity (weight 2) steers the pod', () => {
  const east = buildNodeInfo(node('b-east', undefined, undefined, { zone: 'east' }), [pod('x', { cpu: '1' })]);
  const west = buildNodeInfo(node('a-west', undefined, undefined, { zone: 'west' }), []);
  const spec: PodSpec = {
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['east'] }] } }] } },
  };
  assert.equal(selectHost(podFacts(pod('p', undefined, spec)), [west, east]), 'b-east');
});

test('a single feasible node is chosen without scoring', () => {
  assert.equal(selectHost(podFacts(pod('p')), [buildNodeInfo(node('only', { cpu: '0', memory: '0', pods: '1' }), [])]), 'only');
});
