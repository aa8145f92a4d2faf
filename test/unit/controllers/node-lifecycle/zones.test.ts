import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_NODE_LIFECYCLE_CONFIG } from '../../../../controllers/node-lifecycle/config.js';
import { ZoneTaintQueue } from '../../../../controllers/node-lifecycle/taint-queue.js';
import { computeZoneState, zoneKey, zoneTaintingQPS } from '../../../../controllers/node-lifecycle/zones.js';

test('ComputeZoneState', () => {
  const cases: Array<[string, Array<string | undefined>, string]> = [
    ['all ready', ['True', 'True'], 'Normal'],
    ['no ready node at all', ['False', 'Unknown'], 'FullDisruption'],
    ['a missing Ready condition counts as not ready', [undefined], 'FullDisruption'],
    ['two not ready out of three is not yet partial (needs more than two)', ['True', 'False', 'False'], 'Normal'],
    ['three of five not ready (60% ≥ 55%)', ['True', 'True', 'False', 'False', 'Unknown'], 'PartialDisruption'],
    ['three of six not ready (50% < 55%)', ['True', 'True', 'True', 'False', 'False', 'Unknown'], 'Normal'],
  ];
  for (const [name, statuses, want] of cases) assert.equal(computeZoneState(statuses, 0.55).state, want, name);
});

test('zone tainting rate: normal and fully disrupted zones use the eviction rate; partial stops small zones', () => {
  const config = DEFAULT_NODE_LIFECYCLE_CONFIG;
  assert.equal(zoneTaintingQPS('Normal', 3, config), 0.1);
  assert.equal(zoneTaintingQPS('FullDisruption', 3, config), 0.1);
  assert.equal(zoneTaintingQPS('PartialDisruption', 50, config), 0);
  assert.equal(zoneTaintingQPS('PartialDisruption', 51, config), 0.01);
});

test('GetZoneKey: region and zone from the topology labels, beta labels as fallback', () => {
  assert.equal(zoneKey(undefined), '');
  assert.equal(zoneKey({ 'topology.kubernetes.io/zone': 'a' }), ':\u0000:a');
  assert.equal(zoneKey({ 'failure-domain.beta.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'a' }), 'r:\u0000:a');
});

test('RateLimitedTimedQueue: a member is queued once, and tainting is paced by the zone rate', () => {
  const t0 = 1_000_000;
  const queue = new ZoneTaintQueue(0.1, t0);
  const done: string[] = [];
  const taint = (name: string) => {
    done.push(name);
    return { done: true } as const;
  };
  assert.ok(queue.add('a', t0));
  assert.ok(queue.add('b', t0));
  assert.ok(!queue.add('a', t0), 'already a member');
  queue.process(t0, taint);
  assert.deepEqual(done, ['a'], 'one token to start with');
  queue.process(t0 + 9_999, taint);
  assert.deepEqual(done, ['a']);
  queue.process(t0 + 10_000, taint);
  assert.deepEqual(done, ['a', 'b'], 'one node per 10 s at 0.1 qps');
  assert.ok(!queue.add('a', t0), 'a tainted node stays a member until removed');
  queue.remove('a');
  assert.ok(queue.add('a', t0));
  queue.setRate(0, t0 + 20_000);
  queue.process(t0 + 100_000, taint);
  assert.deepEqual(done, ['a', 'b'], 'a zero rate stops tainting');
});
