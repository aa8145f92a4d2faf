import type { NodeCondition, Taint } from '../../schemas/core/node.js';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

export const NOT_READY_NO_EXECUTE: Readonly<Taint> = { key: TAINT_NOT_READY, effect: 'NoExecute' };
export const UNREACHABLE_NO_EXECUTE: Readonly<Taint> = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };

/** Which condition status earns a node which taint key (upstream's nodeConditionToTaintKeyStatusMap). */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((byStatus) => Object.values(byStatus)));

/** Taints are identified by key and effect; value and timeAdded do not make another taint. */
/** The NoExecute taint a not-Ready status calls for, and the other one, which the two states swap for each other. */
export function readinessNoExecuteTaints(status: 'False' | 'Unknown'): [wanted: Taint, opposite: Taint] {
  return status === 'False' ? [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE] : [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
}

export function sameTaint(a: Taint, b: Taint): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

export function hasTaint(taints: readonly Taint[], taint: Taint): boolean {
  return taints.some((t) => sameTaint(t, taint));
}

export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** The NoSchedule taints a node's conditions and spec.unschedulable call for, in condition order. */
export function wantedNoScheduleTaints(conditions: readonly NodeCondition[] | undefined, unschedulable: boolean): Taint[] {
  const wanted: Taint[] = [];
  for (const condition of conditions ?? []) {
    const key = CONDITION_TAINTS[condition.type ?? '']?.[condition.status ?? ''];
    if (key) wanted.push({ key, effect: 'NoSchedule' });
  }
  if (unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return wanted;
}

/** The NoSchedule taints this controller owns; anything else on the node belongs to someone else and is left alone. */
export function managedNoScheduleTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter(
    (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key ?? '')),
  );
}

/** What to add to `present` and remove from it to reach `wanted`, comparing by key and effect only. */
export function taintSetDiff(wanted: readonly Taint[], present: readonly Taint[]): { add: Taint[]; remove: Taint[] } {
  return {
    add: wanted.filter((t) => !hasTaint(present, t)),
    remove: present.filter((t) => !hasTaint(wanted, t)),
  };
}

function identical(a: Taint, b: Taint): boolean {
  const instant = (t: Taint) => (t.timeAdded ? Date.parse(t.timeAdded) : null);
  return sameTaint(a, b) && (a.value ?? '') === (b.value ?? '') && instant(a) === instant(b);
}

/** Each taint replaces the one with its key and effect in place (unless identical), or is appended. */
export function addOrUpdateTaints(taints: readonly Taint[], additions: readonly Taint[]): Taint[] {
  const out = [...taints];
  for (const taint of additions) {
    const at = out.findIndex((t) => sameTaint(t, taint));
    if (at < 0) out.push(taint);
    else if (!identical(out[at], taint)) out[at] = taint;
  }
  return out;
}

export function removeTaints(taints: readonly Taint[], removals: readonly Taint[]): Taint[] {
  return taints.filter((t) => !hasTaint(removals, t));
}

export function sameTaintList(a: readonly Taint[], b: readonly Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => identical(t, b[i]));
}
