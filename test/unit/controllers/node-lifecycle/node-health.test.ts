import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeStatus } from '../../../../schemas/core/node.js';
import { isSilent, markNodeStatusUnknown, observeNodeHealth, type NodeHealth } from '../../../../controllers/node-lifecycle/node-health.js';

const T0 = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');
const grace = { monitorMs: 50_000, startupMs: 60_000 };
const ready = (heartbeat: number, transition = 0, status = 'True') => ({
  type: 'Ready',
  status,
  lastHeartbeatTime: at(heartbeat),
  lastTransitionTime: at(transition),
});
const node = (conditions?: object[]) => ({ creationTimestamp: at(0), conditions });

test('tryUpdateNodeHealth: the probe time is the controller clock when a heartbeat was last seen to move', () => {
  const first = observeNodeHealth(undefined, node([ready(0)]), undefined, T0 + 7000, grace);
  assert.equal(first.health.probeTimestamp, T0 + 7000, 'a node seen for the first time starts its clock now');
  assert.equal(first.gracePeriodMs, 50_000);

  const still = observeNodeHealth(first.health, node([ready(0)]), undefined, T0 + 30_000, grace);
  assert.equal(still.health.probeTimestamp, T0 + 7000, 'the same heartbeat moves nothing');

  const beat = observeNodeHealth(still.health, node([ready(25)]), undefined, T0 + 31_000, grace);
  assert.equal(beat.health.probeTimestamp, T0 + 31_000, 'a new heartbeat resets the clock');
  assert.equal(beat.health.readyTransitionTimestamp, T0 + 7000, 'no transition: the transition time is kept');

  const flipped = observeNodeHealth(beat.health, node([ready(40, 40, 'False')]), undefined, T0 + 41_000, grace);
  assert.equal(flipped.health.readyTransitionTimestamp, T0 + 41_000);
});

test('tryUpdateNodeHealth: a renewed Lease counts as a heartbeat', () => {
  let health: NodeHealth = observeNodeHealth(undefined, node([ready(0)]), { renewTime: at(0) }, T0, grace).health;
  assert.deepEqual(health.lease, { renewTime: T0 });
  health = observeNodeHealth(health, node([ready(0)]), { renewTime: at(0) }, T0 + 20_000, grace).health;
  assert.equal(health.probeTimestamp, T0, 'an unchanged renewTime is no heartbeat');
  health = observeNodeHealth(health, node([ready(0)]), { renewTime: at(15) }, T0 + 25_000, grace).health;
  assert.equal(health.probeTimestamp, T0 + 25_000);
  health = observeNodeHealth(health, node([ready(30)]), { renewTime: at(15) }, T0 + 35_000, grace).health;
  assert.equal(health.lease, undefined, 'a moved Ready heartbeat replaces the record, lease included');
  health = observeNodeHealth(health, node([ready(30)]), { renewTime: at(15) }, T0 + 40_000, grace).health;
  assert.equal(health.probeTimestamp, T0 + 40_000, 'so the next pass takes the lease as news');
});

test('a node that never posted Ready is judged from its creation with the startup grace', () => {
  const seen = observeNodeHealth(undefined, node(undefined), undefined, T0 + 5000, grace);
  assert.equal(seen.health.probeTimestamp, T0);
  assert.equal(seen.gracePeriodMs, 60_000);
  assert.deepEqual(seen.observedReady, { type: 'Ready', status: 'Unknown', lastHeartbeatTime: at(0), lastTransitionTime: at(0) });
  assert.equal(isSilent(seen, T0 + 60_000), false, 'not before the grace period is over');
  assert.equal(isSilent(seen, T0 + 60_001), true);
});

test('markNodeStatusUnknown: kubelet conditions go Unknown, missing ones are added, NetworkUnavailable is kept', () => {
  const status: NodeStatus = {
    conditions: [
      { ...ready(0), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      { type: 'MemoryPressure', status: 'Unknown', reason: 'Earlier', lastHeartbeatTime: at(0), lastTransitionTime: at(1) },
      { type: 'NetworkUnavailable', status: 'False', lastHeartbeatTime: at(0), lastTransitionTime: at(0) },
    ],
  };
  markNodeStatusUnknown(status, at(0), T0 + 60_000);
  const byType = Object.fromEntries(status.conditions!.map((c) => [c.type, c]));
  assert.deepEqual(byType.Ready, {
    type: 'Ready',
    status: 'Unknown',
    lastHeartbeatTime: at(0),
    lastTransitionTime: at(60),
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
  });
  assert.equal(byType.MemoryPressure.reason, 'Earlier', 'already Unknown: untouched');
  assert.equal(byType.MemoryPressure.lastTransitionTime, at(1));
  assert.equal(byType.NetworkUnavailable.status, 'False');
  for (const type of ['DiskPressure', 'PIDPressure']) {
    assert.equal(byType[type].status, 'Unknown');
    assert.equal(byType[type].reason, 'NodeStatusNeverUpdated');
    assert.equal(byType[type].message, 'Kubelet never posted node status.');
    assert.equal(byType[type].lastHeartbeatTime, at(0), 'never posted: the heartbeat is the creation time');
  }
});
