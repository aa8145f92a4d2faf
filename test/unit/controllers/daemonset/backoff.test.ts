import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from '../../../../controllers/daemonset/backoff.js';

test('Backoff (flowcontrol.Backoff without jitter): 1s doubling to the cap, then forgotten after twice the cap', () => {
  const b = new Backoff(1000, 8000);
  assert.equal(b.inBackoffSinceUpdate('k', 0), false, 'never failed: no wait');
  const delays: number[] = [];
  let t = 0;
  for (let i = 0; i < 6; i++) {
    b.next('k', t);
    delays.push(b.get('k'));
    assert.equal(b.inBackoffSinceUpdate('k', t + b.get('k') - 1), true);
    assert.equal(b.inBackoffSinceUpdate('k', t + b.get('k')), false);
    t += b.get('k');
  }
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000, 8000]);
  b.next('k', t + 16_001);
  assert.equal(b.get('k'), 1000, 'quiet for more than twice the cap: starts over');
  b.gc(t + 16_001 + 16_001);
  assert.equal(b.size, 0);
});
