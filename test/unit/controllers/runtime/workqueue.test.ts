import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../../../controllers/runtime/clock.js';
import { WorkQueue } from '../../../../controllers/runtime/workqueue.js';

test('duplicate keys merge into one item', () => {
  const q = new WorkQueue(new FakeClock());
  q.add('a');
  q.add('b');
  q.add('a');
  assert.equal(q.length, 2);
  assert.equal(q.tryGet(), 'a');
  assert.equal(q.tryGet(), 'b');
  assert.equal(q.tryGet(), undefined);
});

test('a key added while it is processed runs again after done, never concurrently', () => {
  const q = new WorkQueue(new FakeClock());
  q.add('a');
  const key = q.tryGet()!;
  q.add('a');
  assert.equal(q.tryGet(), undefined, 'not handed out while processing');
  q.done(key);
  assert.equal(q.tryGet(), 'a');
});

test('addAfter fires on the clock, and an earlier request wins over a later one', () => {
  const clock = new FakeClock();
  const q = new WorkQueue(clock);
  q.addAfter('a', 1000);
  q.addAfter('a', 500);
  q.addAfter('a', 2000);
  clock.advance(499);
  assert.equal(q.length, 0);
  clock.advance(1);
  assert.equal(q.length, 1);
});

test('rate-limited requeues back off exponentially until forgotten', () => {
  const clock = new FakeClock();
  const q = new WorkQueue(clock, { baseDelayMs: 10, maxDelayMs: 35 });
  const delays: number[] = [];
  for (let i = 0; i < 4; i++) {
    const start = clock.now();
    q.addRateLimited('a');
    while (q.length === 0) clock.advance(1);
    delays.push(clock.now() - start);
    q.done(q.tryGet()!);
  }
  assert.deepEqual(delays, [10, 20, 35, 35]);
  q.forget('a');
  assert.equal(q.numRequeues('a'), 0);
});

test('get waits for a key and returns undefined after shutdown', async () => {
  const q = new WorkQueue(new FakeClock());
  const pending = q.get();
  q.add('x');
  assert.equal(await pending, 'x');
  const waiting = q.get();
  q.shutDown();
  assert.equal(await waiting, undefined);
});
