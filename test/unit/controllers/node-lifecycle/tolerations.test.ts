import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideEviction, minTolerationSeconds, toleratesTaint } from '../../../../controllers/node-lifecycle/tolerations.js';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

test('ToleratesTaint: key, effect, operator and value', () => {
  const cases: Array<[string, object, object, boolean]> = [
    ['Exists on the key and effect', { key: unreachable.key, operator: 'Exists', effect: 'NoExecute' }, unreachable, true],
    ['empty effect matches every effect', { key: unreachable.key, operator: 'Exists' }, unreachable, true],
    ['other effect', { key: unreachable.key, operator: 'Exists', effect: 'NoSchedule' }, unreachable, false],
    ['other key', { key: 'other', operator: 'Exists' }, unreachable, false],
    ['empty key with Exists tolerates everything', { operator: 'Exists' }, unreachable, true],
    ['Equal compares values', { key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute' }, { key: 'k', value: 'v', effect: 'NoExecute' }, true],
    ['Equal with another value', { key: 'k', operator: 'Equal', value: 'x' }, { key: 'k', value: 'v', effect: 'NoExecute' }, false],
    ['no operator means Equal', { key: 'k', value: 'v' }, { key: 'k', value: 'v', effect: 'NoExecute' }, true],
    ['an unknown operator tolerates nothing', { key: 'k', operator: 'Gt', value: 'v' }, { key: 'k', value: 'v', effect: 'NoExecute' }, false],
  ];
  for (const [name, toleration, taint, want] of cases) assert.equal(toleratesTaint(toleration, taint), want, name);
});

test('getMinTolerationTime: the smallest limit, 0 for non-positive ones, Infinity when nothing limits', () => {
  assert.equal(minTolerationSeconds([]), 0);
  assert.equal(minTolerationSeconds([{ operator: 'Exists' }]), Infinity);
  assert.equal(minTolerationSeconds([{ tolerationSeconds: 300 }, { tolerationSeconds: 30 }, {}]), 30);
  assert.equal(minTolerationSeconds([{ tolerationSeconds: 300 }, { tolerationSeconds: -5 }]), 0);
});

test('processPodOnNode decisions', () => {
  const other = { key: 'example.com/drain', effect: 'NoExecute' };
  const cases: Array<[string, object[], object[], ReturnType<typeof decideEviction>]> = [
    ['no NoExecute taints cancels', [], [], { action: 'cancel' }],
    ['an intolerant pod goes at once', [unreachable], [], { action: 'evictNow' }],
    ['one untolerated taint among tolerated ones is enough', [unreachable, other], [{ key: unreachable.key, operator: 'Exists' }], { action: 'evictNow' }],
    ['finite toleration waits', [unreachable], [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], { action: 'evictAfter', delayMs: 300_000 }],
    ['Exists without seconds stays forever', [unreachable], [{ operator: 'Exists' }], { action: 'cancel' }],
    [
      'the minimum over the tolerations used for each taint',
      [unreachable, other],
      [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 100 }, { key: other.key, operator: 'Exists', tolerationSeconds: 50 }],
      { action: 'evictAfter', delayMs: 50_000 },
    ],
    ['the first matching toleration is the one used', [unreachable], [{ operator: 'Exists' }, { key: unreachable.key, operator: 'Exists', tolerationSeconds: 5 }], { action: 'cancel' }],
    ['zero seconds means at once', [unreachable], [{ operator: 'Exists', tolerationSeconds: 0 }], { action: 'evictAfter', delayMs: 0 }],
  ];
  for (const [name, taints, tolerations, want] of cases) assert.deepEqual(decideEviction(taints, tolerations), want, name);
});
