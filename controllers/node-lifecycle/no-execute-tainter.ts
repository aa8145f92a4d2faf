import type { Taint } from '../../schemas/core/node.js';
import type { NodeLifecycleConfig } from './config.js';
import { ZoneTaintQueue, type TaintAttempt } from './taint-queue.js';
import { hasTaint, readinessNoExecuteTaints } from './taints.js';
import { computeZoneState, zoneTaintingQPS, type ZoneHealth, type ZoneState } from './zones.js';

export type DisruptionChange = 'enteredFullDisruption' | 'exitedFullDisruption' | undefined;

/**
 * Decides when not-Ready nodes get their NoExecute taint: one rate-limited queue per zone, slowed or stopped when
 * a zone (or the whole cluster) looks disrupted, because then the fault is more likely the network than the nodes
 * and evicting everything would make it worse.
 */
export class NoExecuteTainter {
  private readonly states = new Map<string, ZoneState>();
  private readonly queues = new Map<string, ZoneTaintQueue>();

  constructor(private readonly config: NodeLifecycleConfig) {}

  /** A zone seen for the first time starts Initial, tainting at the normal rate. */
  ensureZone(zone: string, now: number): void {
    if (this.states.has(zone)) return;
    this.states.set(zone, 'Initial');
    this.queues.set(zone, new ZoneTaintQueue(this.config.evictionLimiterQPS, now));
  }

  /** Queues a node for the NoExecute taint matching its Ready status; a node whose taint went missing is queued anew. */
  markForTainting(name: string, zone: string, taints: readonly Taint[], status: 'False' | 'Unknown', now: number): void {
    const queue = this.queues.get(zone);
    if (!queue) return;
    const [wanted] = readinessNoExecuteTaints(status);
    if (!hasTaint(taints, wanted)) queue.remove(name);
    queue.add(name, now);
  }

  forget(name: string, zone: string): void {
    this.queues.get(zone)?.remove(name);
  }

  process(now: number, taint: (name: string) => TaintAttempt): void {
    for (const queue of this.queues.values()) queue.process(now, taint);
  }

  /**
   * Recomputes every zone's state from its nodes' Ready statuses and adjusts the tainting rates. When every zone
   * is fully disrupted tainting stops (the caller then clears the NoExecute taints); when that ends the caller
   * restarts its health clocks, since nodes could not report while the control plane was cut off.
   */
  handleDisruption(readyByZone: ReadonlyMap<string, readonly (string | undefined)[]>, now: number): DisruptionChange {
    const next = new Map<string, { state: ZoneHealth; size: number }>();
    let allAre = true;
    for (const [zone, statuses] of readyByZone) {
      const { state } = computeZoneState(statuses, this.config.unhealthyZoneThreshold);
      if (state !== 'FullDisruption') allAre = false;
      next.set(zone, { state, size: statuses.length });
      this.ensureZone(zone, now);
    }
    let allWere = true;
    for (const [zone, state] of this.states) {
      if (!next.has(zone)) this.states.delete(zone);
      else if (state !== 'FullDisruption') allWere = false;
    }
    if (allAre && allWere) return undefined;
    if (allAre) {
      for (const zone of this.states.keys()) {
        this.queues.get(zone)?.setRate(0, now);
        this.states.set(zone, 'FullDisruption');
      }
      return 'enteredFullDisruption';
    }
    for (const [zone, previous] of this.states) {
      const { state, size } = next.get(zone)!;
      if (!allWere && previous === state) continue;
      this.queues.get(zone)?.setRate(zoneTaintingQPS(state, size, this.config), now);
      this.states.set(zone, state);
    }
    return allWere ? 'exitedFullDisruption' : undefined;
  }
}
