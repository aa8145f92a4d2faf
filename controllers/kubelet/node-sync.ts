import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import { nodeInternalIP } from './address-plan.js';
import { NODE_LEASE_NAMESPACE } from './config.js';
import { newNodeLease, nextRenewal, renewedLease } from './lease.js';
import { missingDefaultLabels, nextStatusReport, nodeStatusUpdate, type NodeFacts } from './node-status.js';
import { leaseKey, liveNode, nodeKey, nodeSlot, type KubeletState } from './state.js';

function sameNode(current: KubeObject, cached: KubeObject): boolean {
  return current.metadata.uid === cached.metadata.uid;
}

/** The node's registration labels, then its status: posted when it changed or when the report interval ran out. */
export function syncNodeStatus(state: KubeletState, name: string): void {
  const node = liveNode(state, name);
  if (!node) return;
  const { store, clock } = state.ctx;
  if (missingDefaultLabels(node)) {
    store.guaranteedUpdate(state.defs.nodes, '', name, (current) => {
      const missing = sameNode(current, node) ? missingDefaultLabels(current) : undefined;
      return missing ? { ...current, metadata: { ...current.metadata, labels: { ...current.metadata.labels, ...missing } } } : undefined;
    });
  }
  const facts: NodeFacts = {
    internalIP: nodeInternalIP(state.plan, node, nodeSlot(state, node)),
    kubeletVersion: state.config.kubeletVersion,
    capacity: state.config.capacity,
  };
  const now = clock.now();
  const interval = state.config.statusReportIntervalMs;
  let events: string[] = [];
  // Judged on the cache first, so a node event that changes nothing costs no transaction.
  const written = !nodeStatusUpdate(node, facts, now, interval)
    ? undefined
    : store.guaranteedUpdate(
        state.defs.nodes,
        '',
        name,
        (current) => {
          const update = sameNode(current, node) ? nodeStatusUpdate(current, facts, now, interval) : undefined;
          if (!update) return undefined;
          events = update.events;
          return { ...current, status: update.status };
        },
        { subresource: 'status' },
      );
  const reported = written ?? node;
  for (const reason of events) state.recorder.event(reported, 'Normal', reason, `Node ${name} status is now: ${reason}`);
  const due = nextStatusReport(reported, interval);
  if (due !== undefined) state.queue.addAfter(nodeKey(name), due - now);
}

/** The heartbeat: the node's Lease created or renewed whenever the renew interval has passed. */
export function syncNodeLease(state: KubeletState, name: string): void {
  const node = liveNode(state, name);
  if (!node) return;
  const { store, clock } = state.ctx;
  const { leaseDurationSeconds, renewIntervalMs } = state.config;
  const now = clock.now();
  const lease = state.leases.get(NODE_LEASE_NAMESPACE, name);
  const due = nextRenewal(lease, renewIntervalMs);
  if (now < due) {
    state.queue.addAfter(leaseKey(name), due - now);
    return;
  }
  try {
    if (lease) store.guaranteedUpdate(state.defs.leases, NODE_LEASE_NAMESPACE, name, (current) => renewedLease(current, node, now, leaseDurationSeconds));
    else store.create(state.defs.leases, NODE_LEASE_NAMESPACE, newNodeLease(node, now, leaseDurationSeconds));
  } catch (err) {
    // The Lease appeared or vanished under us: retry at once against what is there now. Anything else (a missing
    // namespace) goes back to the queue's backoff.
    const raced = err instanceof ApiError && err.code === (lease ? 404 : 409);
    if (!raced) throw err;
    state.queue.add(leaseKey(name));
    return;
  }
  state.queue.addAfter(leaseKey(name), renewIntervalMs);
}
