import type { Lease } from '../../schemas/coordination/lease.js';
import type { KubeObject, OwnerReference } from '../../schemas/meta.js';
import { formatMicroTime } from '../../server/clock.js';
import { NODE_LEASE_NAMESPACE } from './config.js';

type LeaseObject = Lease & KubeObject;

/** The node as owner of its Lease, so the garbage collector removes the Lease with the Node (no controller flag). */
function nodeOwner(node: KubeObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! };
}

export function newNodeLease(node: KubeObject, now: number, leaseDurationSeconds: number): LeaseObject {
  const name = node.metadata.name!;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [nodeOwner(node)] },
    spec: { holderIdentity: name, leaseDurationSeconds, renewTime: formatMicroTime(now) },
  };
}

/**
 * The renewal upstream's lease controller makes: holder and duration reasserted, renewTime now, and the owner
 * reference added only when the Lease has none yet.
 */
export function renewedLease(current: KubeObject, node: KubeObject, now: number, leaseDurationSeconds: number): LeaseObject {
  const lease = current as LeaseObject;
  return {
    ...lease,
    metadata: {
      ...lease.metadata,
      ownerReferences: lease.metadata.ownerReferences?.length ? lease.metadata.ownerReferences : [nodeOwner(node)],
    },
    spec: { ...lease.spec, holderIdentity: node.metadata.name!, leaseDurationSeconds, renewTime: formatMicroTime(now) },
  };
}

/** When the Lease is next due for renewal (now, if it was never renewed). */
export function nextRenewal(lease: KubeObject | undefined, renewIntervalMs: number): number {
  const renewed = Date.parse((lease as LeaseObject | undefined)?.spec?.renewTime ?? '');
  return Number.isNaN(renewed) ? -Infinity : renewed + renewIntervalMs;
}
