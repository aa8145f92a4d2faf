import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePods, isPodUpdated, newDaemonPod, pinToNode, templateGeneration } from '../../../../controllers/daemonset/pod-template.js';
import { addOrUpdateToleration, daemonPodTolerations } from '../../../../controllers/daemonset/tolerations.js';
import type { DaemonPod, DaemonSet } from '../../../../controllers/daemonset/types.js';

const ds = (annotations: Record<string, string> = { 'deprecated.daemonset.template.generation': '3' }, podSpec: Record<string, unknown> = {}): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'kube-system', uid: 'u1', annotations },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' }, annotations: { note: 'x' }, finalizers: ['example.com/f'] },
      spec: { containers: [{ name: 'c', image: 'i' }], ...podSpec },
    },
  },
}) as DaemonSet;

test('newDaemonPod: upstream’s shape (TestSimpleDaemonSetScheduleDaemonSetPodsLaunchesPods)', () => {
  const pod = newDaemonPod(ds(), 'node-1', 'abc123');
  assert.equal(pod.metadata.generateName, 'agent-');
  assert.equal(pod.metadata.name, undefined);
  assert.deepEqual(pod.metadata.labels, { app: 'agent', 'pod-template-generation': '3', 'controller-revision-hash': 'abc123' });
  assert.deepEqual(pod.metadata.annotations, { note: 'x' });
  assert.deepEqual(pod.metadata.finalizers, ['example.com/f']);
  assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true, blockOwnerDeletion: true }]);
  assert.equal(pod.spec?.nodeName, undefined, 'the scheduler binds it');
  assert.deepEqual(pod.spec?.affinity, {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] } },
  });
  assert.deepEqual(pod.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`), [
    'node.kubernetes.io/not-ready:NoExecute',
    'node.kubernetes.io/unreachable:NoExecute',
    'node.kubernetes.io/disk-pressure:NoSchedule',
    'node.kubernetes.io/memory-pressure:NoSchedule',
    'node.kubernetes.io/pid-pressure:NoSchedule',
    'node.kubernetes.io/unschedulable:NoSchedule',
  ]);
});

test('newDaemonPod: no pod-template-generation label without the annotation', () => {
  assert.deepEqual(newDaemonPod(ds({}), 'n', 'h').metadata.labels, { app: 'agent', 'controller-revision-hash': 'h' });
});

test('pinToNode (ReplaceDaemonSetPodNodeNameNodeAffinity): user-required terms are replaced, preferred terms and pod affinity kept', () => {
  const pinned = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] };
  const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }];
  assert.deepEqual(pinToNode(undefined, 'n'), { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pinned } });
  assert.deepEqual(pinToNode({ podAffinity: {} }, 'n'), { podAffinity: {}, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pinned } });
  assert.deepEqual(pinToNode({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } }, 'n'), {
    nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, requiredDuringSchedulingIgnoredDuringExecution: pinned },
  });
  const user = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } };
  assert.deepEqual(pinToNode(user, 'n'), { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pinned } });
  assert.equal(user.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key, 'zone', 'the template is not changed');
});

test('daemonPodTolerations (AddOrUpdateDaemonPodTolerations): a matching user toleration is replaced, others kept', () => {
  const user = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: '', effect: 'NoExecute', tolerationSeconds: 60 },
    { key: 'custom', operator: 'Exists' },
  ];
  const got = daemonPodTolerations({ tolerations: user });
  assert.deepEqual(got[0], { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }, 'same key/effect/operator/value: forever now');
  assert.deepEqual(got[1], user[1], 'another operator is a different toleration');
  assert.deepEqual(got[2], user[2]);
  assert.equal(got.length, 3 + 5);
  assert.ok(daemonPodTolerations({ hostNetwork: true }).some((t) => t.key === 'node.kubernetes.io/network-unavailable'));
  const same = [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }];
  assert.deepEqual(addOrUpdateToleration(same, { key: 'k', operator: 'Exists', effect: 'NoSchedule' }), same);
});

test('templateGeneration (GetTemplateGeneration): parsed, or absent when missing or unparsable', () => {
  assert.equal(templateGeneration(ds({ 'deprecated.daemonset.template.generation': '007' })), '7');
  assert.equal(templateGeneration(ds({})), undefined);
  assert.equal(templateGeneration(ds({ 'deprecated.daemonset.template.generation': 'x' })), undefined);
});

const pod = (name: string, created: string, labels: Record<string, string> = {}, nodeName?: string): DaemonPod =>
  ({ metadata: { name, creationTimestamp: created, labels }, spec: nodeName ? { nodeName } : {} }) as DaemonPod;

test('isPodUpdated (IsPodUpdated): the current hash, or the current template generation', () => {
  assert.equal(isPodUpdated(pod('a', '', { 'controller-revision-hash': 'h1' }), 'h1', '2'), true);
  assert.equal(isPodUpdated(pod('a', '', { 'controller-revision-hash': 'h0', 'pod-template-generation': '2' }), 'h1', '2'), true);
  assert.equal(isPodUpdated(pod('a', '', { 'controller-revision-hash': 'h0', 'pod-template-generation': '1' }), 'h1', '2'), false);
  assert.equal(isPodUpdated(pod('a', '', {}), '', undefined), false);
});

test('comparePods (podByCreationTimestampAndPhase): bound first, then oldest, then name', () => {
  const pods = [
    pod('c', '2026-01-01T00:00:01Z', {}, 'n'),
    pod('b', '2026-01-01T00:00:00Z'),
    pod('d', '2026-01-01T00:00:02Z', {}, 'n'),
    pod('a', '2026-01-01T00:00:01Z', {}, 'n'),
  ];
  assert.deepEqual(pods.sort(comparePods).map((p) => p.metadata.name), ['a', 'c', 'd', 'b']);
});
