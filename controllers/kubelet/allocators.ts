import type { AddressRange } from './ipv4.js';

/**
 * Stable small integers per node (its slot in the node and pod address plans). A restarted server learns the
 * slots already in use from the addresses nodes report, so a node keeps its numbers.
 */
export class NodeSlots {
  private readonly byNode = new Map<string, number>();
  private readonly taken = new Set<number>();

  /** Claims a specific slot for a node (its reported address says it had it); false if another node holds it. */
  reserve(node: string, slot: number): boolean {
    const current = this.byNode.get(node);
    if (current !== undefined) return current === slot;
    if (this.taken.has(slot)) return false;
    this.byNode.set(node, slot);
    this.taken.add(slot);
    return true;
  }

  /** The node's slot, the lowest free one on first use. */
  slotOf(node: string): number {
    const current = this.byNode.get(node);
    if (current !== undefined) return current;
    let slot = 0;
    while (this.taken.has(slot)) slot++;
    this.reserve(node, slot);
    return slot;
  }

  release(node: string): void {
    const slot = this.byNode.get(node);
    if (slot === undefined) return;
    this.byNode.delete(node);
    this.taken.delete(slot);
  }
}

/**
 * Pod addresses across the whole cluster, keyed by pod uid: the lowest free address of the node's range is handed
 * out and returned when the pod is gone. Addresses are unique cluster-wide even if two ranges ever overlap.
 */
export class PodAddresses {
  private readonly byPod = new Map<string, number>();
  private readonly taken = new Set<number>();

  /** Records an address a pod already reports (after a restart); false if another pod holds it. */
  reserve(uid: string, address: number): boolean {
    const current = this.byPod.get(uid);
    if (current !== undefined) return current === address;
    if (this.taken.has(address)) return false;
    this.byPod.set(uid, address);
    this.taken.add(address);
    return true;
  }

  /** The pod's address, allocating the lowest free one of `range`; undefined when the range is exhausted. */
  allocate(uid: string, range: AddressRange): number | undefined {
    const current = this.byPod.get(uid);
    if (current !== undefined) return current;
    for (let address = range.first; address <= range.last; address++) {
      if (!this.taken.has(address)) {
        this.reserve(uid, address);
        return address;
      }
    }
    return undefined;
  }

  release(uid: string): void {
    const address = this.byPod.get(uid);
    if (address === undefined) return;
    this.byPod.delete(uid);
    this.taken.delete(address);
  }
}
