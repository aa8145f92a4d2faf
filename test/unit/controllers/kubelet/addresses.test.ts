import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressPlan, nodeInternalIP, podRange, slotFromAddress } from '../../../../controllers/kubelet/address-plan.js';
import { NodeSlots, PodAddresses } from '../../../../controllers/kubelet/allocators.js';
import { DEFAULT_KUBELET_CONFIG } from '../../../../controllers/kubelet/config.js';
import { formatIPv4, parseCIDR, parseIPv4 } from '../../../../controllers/kubelet/ipv4.js';
import type { KubeObject } from '../../../../schemas/meta.js';

const plan = addressPlan(DEFAULT_KUBELET_CONFIG);
const node = (status: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'n' },
  spec,
  status,
});
const range = (r: { first: number; last: number } | undefined) => r && [formatIPv4(r.first), formatIPv4(r.last)];

test('IPv4 parsing and CIDRs', () => {
  assert.equal(parseIPv4('10.244.1.7'), 10 * 2 ** 24 + 244 * 2 ** 16 + 1 * 256 + 7);
  assert.equal(parseIPv4('10.244.1'), undefined);
  assert.equal(parseIPv4('10.244.1.256'), undefined);
  assert.equal(formatIPv4(parseIPv4('255.0.10.1')!), '255.0.10.1');
  assert.deepEqual(parseCIDR('10.244.3.9/24'), { base: parseIPv4('10.244.3.0'), prefix: 24 });
  assert.equal(parseCIDR('fd00::/64'), undefined);
});

test('node i gets the (i+2)-th address of the node range and 10.244.i.0/24 for its pods', () => {
  assert.equal(nodeInternalIP(plan, node(), 0), '172.18.0.2');
  assert.equal(nodeInternalIP(plan, node(), 5), '172.18.0.7');
  assert.deepEqual(range(podRange(plan, node(), 0)), ['10.244.0.2', '10.244.0.254']);
  assert.deepEqual(range(podRange(plan, node(), 3)), ['10.244.3.2', '10.244.3.254']);
  assert.deepEqual(range(podRange(plan, node(), 256)), ['10.245.0.2', '10.245.0.254']);
});

test('a node keeps what it reports: its InternalIP, and spec.podCIDR from an IPAM controller', () => {
  const reported = node({ addresses: [{ type: 'InternalIP', address: '172.18.0.9' }] }, { podCIDR: '10.1.2.0/26' });
  assert.equal(nodeInternalIP(plan, reported, 0), '172.18.0.9');
  assert.equal(slotFromAddress(plan, reported), 7, 'a restarted server recovers the slot from the address');
  assert.deepEqual(range(podRange(plan, reported, 0)), ['10.1.2.2', '10.1.2.62']);
  assert.equal(slotFromAddress(plan, node({ addresses: [{ type: 'InternalIP', address: '192.168.0.4' }] })), undefined);
});

test('bad address plans are refused at construction', () => {
  assert.throws(() => addressPlan({ ...DEFAULT_KUBELET_CONFIG, podNetwork: 'fd00::/48' }), /podNetwork/);
  assert.throws(() => addressPlan({ ...DEFAULT_KUBELET_CONFIG, podCIDRMaskSize: 8 }), /podCIDRMaskSize/);
});

test('node slots: lowest free first, reserved slots respected, released slots reused', () => {
  const slots = new NodeSlots();
  assert.equal(slots.reserve('b', 1), true);
  assert.equal(slots.slotOf('a'), 0);
  assert.equal(slots.slotOf('c'), 2);
  assert.equal(slots.slotOf('a'), 0, 'stable');
  assert.equal(slots.reserve('d', 2), false, 'held by c');
  slots.release('a');
  assert.equal(slots.slotOf('d'), 0);
});

test('pod addresses: lowest free of the range, unique cluster-wide, released on removal', () => {
  const pool = new PodAddresses();
  const r = { first: 10, last: 12 };
  assert.equal(pool.allocate('p1', r), 10);
  assert.equal(pool.allocate('p2', r), 11);
  assert.equal(pool.allocate('p1', r), 10, 'a pod keeps its address');
  assert.equal(pool.reserve('p3', 11), false, 'already taken');
  assert.equal(pool.allocate('p3', r), 12);
  assert.equal(pool.allocate('p4', r), undefined, 'exhausted');
  pool.release('p1');
  assert.equal(pool.allocate('p4', r), 10);
});
