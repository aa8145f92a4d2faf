import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inListTurn } from '../../../server/http/list-turns.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts event-loop turns (check phases) while it runs, so a test can tell in which turn something happened. */
function turnCounter() {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (running = false) };
}

test('a list alone runs at once and returns its value, not a promise', async () => {
  await nextTurn();
  assert.equal(inListTurn(() => 'pods'), 'pods');
  await nextTurn();
});

test('lists arriving in one turn run one per turn, in arrival order', async () => {
  await nextTurn();
  const turns = turnCounter();
  const ran: Array<[string, number]> = [];
  const list = (name: string) => () => {
    ran.push([name, turns.now()]);
    return name;
  };
  const first = inListTurn(list('a'));
  const second = inListTurn(list('b'));
  const third = inListTurn(list('c'));
  assert.equal(first, 'a');
  assert.ok(second instanceof Promise && third instanceof Promise);
  assert.deepEqual(ran.map(([name]) => name), ['a'], 'the others wait for later turns');
  assert.deepEqual(await Promise.all([second, third]), ['b', 'c']);
  turns.stop();
  assert.deepEqual(ran.map(([name]) => name), ['a', 'b', 'c']);
  const [, [, bTurn], [, cTurn]] = ran;
  assert.ok(cTurn > bTurn, `b ran in turn ${bTurn} and c in turn ${cTurn}: not the same turn`);
  await nextTurn();
});

test('a list that throws rejects only its own request; the next list still runs', async () => {
  await nextTurn();
  inListTurn(() => 'first');
  const failing = inListTurn(() => {
    throw new Error('bad selector');
  });
  const after = inListTurn(() => 'after');
  await assert.rejects(Promise.resolve(failing), /bad selector/);
  assert.equal(await after, 'after');
  await nextTurn();
});

test('once the waiting lists have run, a list in a fresh turn runs at once again', async () => {
  await nextTurn();
  inListTurn(() => 1);
  await inListTurn(() => 2);
  await nextTurn();
  await nextTurn();
  assert.equal(inListTurn(() => 3), 3);
  await nextTurn();
});
