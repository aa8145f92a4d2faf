import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from '../../../../schemas/core/pod.js';
import {
  nodeMatchesRequiredAffinity,
  nodeSelectorTermMatches,
  preferredAffinityWeight,
  requiredNodeNames,
} from '../../../../controllers/scheduler/node-affinity.js';

const node = { metadata: { name: 'node-a', labels: { zone: 'east', disk: 'ssd', cores: '8' } } };

const expr = (key: string, operator: string, values?: string[]): NodeSelectorRequirement => ({ key, operator, values });

const termCases: Array<{ name: string; term: NodeSelectorTerm; want: boolean }> = [
  { name: 'In with the node value', term: { matchExpressions: [expr('zone', 'In', ['west', 'east'])] }, want: true },
  { name: 'In without it', term: { matchExpressions: [expr('zone', 'In', ['west'])] }, want: false },
  { name: 'In on a missing label', term: { matchExpressions: [expr('gpu', 'In', ['yes'])] }, want: false },
  { name: 'NotIn without the node value', term: { matchExpressions: [expr('zone', 'NotIn', ['west'])] }, want: true },
  { name: 'NotIn with it', term: { matchExpressions: [expr('zone', 'NotIn', ['east'])] }, want: false },
  { name: 'NotIn on a missing label matches', term: { matchExpressions: [expr('gpu', 'NotIn', ['yes'])] }, want: true },
  { name: 'Exists', term: { matchExpressions: [expr('disk', 'Exists')] }, want: true },
  { name: 'Exists on a missing label', term: { matchExpressions: [expr('gpu', 'Exists')] }, want: false },
  { name: 'DoesNotExist', term: { matchExpressions: [expr('gpu', 'DoesNotExist')] }, want: true },
  { name: 'DoesNotExist on a present label', term: { matchExpressions: [expr('disk', 'DoesNotExist')] }, want: false },
  { name: 'Gt compares integers', term: { matchExpressions: [expr('cores', 'Gt', ['4'])] }, want: true },
  { name: 'Gt is strict', term: { matchExpressions: [expr('cores', 'Gt', ['8'])] }, want: false },
  { name: 'Lt compares integers', term: { matchExpressions: [expr('cores', 'Lt', ['16'])] }, want: true },
  { name: 'Gt on a non-integer label value', term: { matchExpressions: [expr('zone', 'Gt', ['1'])] }, want: false },
  { name: 'Gt with two values does not parse', term: { matchExpressions: [expr('cores', 'Gt', ['1', '2'])] }, want: false },
  { name: 'Gt with a non-integer bound does not parse', term: { matchExpressions: [expr('cores', 'Gt', ['x'])] }, want: false },
  { name: 'an unknown operator does not parse', term: { matchExpressions: [expr('zone', 'Equals', ['east'])] }, want: false },
  { name: 'In with no values does not parse', term: { matchExpressions: [expr('zone', 'In', [])] }, want: false },
  { name: 'expressions are ANDed', term: { matchExpressions: [expr('zone', 'In', ['east']), expr('disk', 'In', ['hdd'])] }, want: false },
  { name: 'an empty term matches nothing', term: {}, want: false },
  { name: 'matchFields metadata.name In', term: { matchFields: [expr('metadata.name', 'In', ['node-a'])] }, want: true },
  { name: 'matchFields metadata.name In another node', term: { matchFields: [expr('metadata.name', 'In', ['node-b'])] }, want: false },
  { name: 'matchFields metadata.name NotIn another node', term: { matchFields: [expr('metadata.name', 'NotIn', ['node-b'])] }, want: true },
  { name: 'matchFields needs exactly one value', term: { matchFields: [expr('metadata.name', 'In', ['node-a', 'node-b'])] }, want: false },
  { name: 'matchFields supports only In and NotIn', term: { matchFields: [expr('metadata.name', 'Exists')] }, want: false },
  { name: 'fields AND expressions', term: { matchExpressions: [expr('zone', 'In', ['east'])], matchFields: [expr('metadata.name', 'In', ['node-b'])] }, want: false },
];

for (const c of termCases) {
  test(`NodeSelectorTerm: ${c.name}`, () => {
    assert.equal(nodeSelectorTermMatches(c.term, node), c.want);
  });
}

const required = (...terms: NodeSelectorTerm[]): PodSpec => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
});

const requiredCases: Array<{ name: string; spec: PodSpec | undefined; want: boolean }> = [
  { name: 'no selector or affinity fits every node', spec: undefined, want: true },
  { name: 'nodeSelector with matching labels', spec: { nodeSelector: { zone: 'east', disk: 'ssd' } }, want: true },
  { name: 'nodeSelector with one label off', spec: { nodeSelector: { zone: 'east', disk: 'hdd' } }, want: false },
  { name: 'nodeSelector on a missing label', spec: { nodeSelector: { gpu: '' } }, want: false },
  { name: 'terms are ORed', spec: required({ matchExpressions: [expr('zone', 'In', ['west'])] }, { matchExpressions: [expr('disk', 'Exists')] }), want: true },
  { name: 'no term matching', spec: required({ matchExpressions: [expr('zone', 'In', ['west'])] }), want: false },
  { name: 'a term that fails to parse does not stop the next one', spec: required({ matchExpressions: [expr('zone', 'Bogus')] }, { matchFields: [expr('metadata.name', 'In', ['node-a'])] }), want: true },
  { name: 'nodeSelector AND affinity', spec: { nodeSelector: { zone: 'west' }, ...required({ matchExpressions: [expr('disk', 'Exists')] }) }, want: false },
  { name: 'required affinity with an empty term list matches nothing', spec: required(), want: false },
];

for (const c of requiredCases) {
  test(`nodeMatchesRequiredAffinity: ${c.name}`, () => {
    assert.equal(nodeMatchesRequiredAffinity(c.spec, node), c.want);
  });
}

test('PreFilter narrows to the names a DaemonSet pod is pinned to, ORing terms and ANDing fields', () => {
  const pin = (...names: string[]) => ({ matchFields: [expr('metadata.name', 'In', names)] });
  assert.equal(requiredNodeNames(undefined), undefined);
  assert.deepEqual(requiredNodeNames(required(pin('n1'))), new Set(['n1']));
  assert.deepEqual(requiredNodeNames(required(pin('n1'), pin('n2'))), new Set(['n1', 'n2']));
  assert.deepEqual(
    requiredNodeNames(required({ matchFields: [expr('metadata.name', 'In', ['n1', 'n2']), expr('metadata.name', 'In', ['n2'])] })),
    new Set(['n2']),
  );
  assert.equal(requiredNodeNames(required(pin('n1'), { matchExpressions: [expr('zone', 'Exists')] })), undefined, 'an unpinned term lets every node through');
  assert.deepEqual(
    requiredNodeNames(required({ matchFields: [expr('metadata.name', 'In', ['n1']), expr('metadata.name', 'In', ['n2'])] })),
    new Set(),
    'disjoint pins conflict',
  );
});

test('preferred affinity sums the weights of matching terms, ignoring zero weights and empty preferences', () => {
  const spec: PodSpec = {
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: { matchExpressions: [expr('zone', 'In', ['east'])] } },
          { weight: 5, preference: { matchExpressions: [expr('disk', 'Exists')] } },
          { weight: 7, preference: { matchExpressions: [expr('zone', 'In', ['west'])] } },
          { weight: 0, preference: { matchExpressions: [expr('disk', 'Exists')] } },
          { weight: 9, preference: {} },
        ],
      },
    },
  };
  assert.equal(preferredAffinityWeight(spec, node), 15);
  assert.equal(preferredAffinityWeight(undefined, node), 0);
});
