import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../../../controllers/runtime/clock.js';
import { EXPECTATIONS_TTL_MS, Expectations } from '../../../../controllers/runtime/expectations.js';

test('expectations are met once every creation and UID-tracked deletion is observed', () => {
  const e = new Expectations(new FakeClock());
  assert.ok(e.satisfied('ds'), 'nothing expected');
  e.expect('ds', 2, ['u1']);
  e.creationObserved('ds');
  assert.ok(!e.satisfied('ds'));
  e.creationObserved('ds');
  assert.ok(!e.satisfied('ds'));
  e.deletionObserved('ds', 'other-uid');
  assert.ok(!e.satisfied('ds'), 'a deletion of another pod does not count');
  e.deletionObserved('ds', 'u1');
  assert.ok(e.satisfied('ds'));
});

test('expectations expire after the upstream TTL so a lost event cannot wedge a controller', () => {
  const clock = new FakeClock();
  const e = new Expectations(clock);
  e.expect('rc', 1);
  clock.advance(EXPECTATIONS_TTL_MS);
  assert.ok(!e.satisfied('rc'));
  clock.advance(1);
  assert.ok(e.satisfied('rc'));
});

test('count-only deletions', () => {
  const e = new Expectations(new FakeClock());
  e.expect('rc', 0, [], 2);
  e.deletionObserved('rc');
  assert.ok(!e.satisfied('rc'));
  e.deletionObserved('rc');
  assert.ok(e.satisfied('rc'));
});
