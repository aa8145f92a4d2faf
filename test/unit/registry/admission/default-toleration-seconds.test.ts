import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDefaultTolerationSeconds } from '../../../../server/registry/admission/default-toleration-seconds.js';

const notReady = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

test('DefaultTolerationSeconds admission', () => {
  const cases: Array<[string, object[] | undefined, object[]]> = [
    ['no tolerations: both defaults are added', undefined, [notReady, unreachable]],
    ['unrelated tolerations are kept first', [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }], [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }, notReady, unreachable]],
    [
      'an own not-ready toleration is kept as is (seconds untouched), unreachable is added',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, unreachable],
    ],
    [
      'a toleration for the key with an empty effect covers NoExecute',
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }],
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, notReady],
    ],
    [
      'a toleration for the key with the NoSchedule effect does not count',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable],
    ],
    ['tolerate-everything (empty key, Exists) covers both', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['an empty key with the NoExecute effect covers both', [{ operator: 'Exists', effect: 'NoExecute' }], [{ operator: 'Exists', effect: 'NoExecute' }]],
    [
      'operator and value are not looked at',
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x', effect: 'NoExecute' }],
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x', effect: 'NoExecute' }, notReady],
    ],
    ['both present: nothing changes', [notReady, unreachable], [notReady, unreachable]],
  ];
  for (const [name, tolerations, want] of cases) {
    const pod = { spec: { containers: [{ name: 'c', image: 'i' }], tolerations: tolerations && structuredClone(tolerations) } };
    addDefaultTolerationSeconds(pod);
    assert.deepEqual(pod.spec.tolerations, want, name);
  }
});

test('the default seconds are configurable, and a pod without a spec gets one', () => {
  const pod: { spec?: { tolerations?: object[] } } = {};
  addDefaultTolerationSeconds(pod, { notReadyTolerationSeconds: 5, unreachableTolerationSeconds: 7 });
  assert.deepEqual(pod.spec?.tolerations, [
    { ...notReady, tolerationSeconds: 5 },
    { ...unreachable, tolerationSeconds: 7 },
  ]);
});
