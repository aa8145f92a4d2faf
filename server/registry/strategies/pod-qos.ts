import type { PodSpec } from '../../../schemas/core/pod.js';
import { parseQuantity } from './quantity.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Only these resources decide a pod's QoS class. */
const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * Upstream's ComputePodQOS over regular and init containers: BestEffort when nothing positive is requested or
 * limited; Guaranteed when every container limits both cpu and memory and the summed requests equal the limits.
 */
export function computeQOSClass(spec: PodSpec): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    addPositive(requests, container.resources?.requests);
    const limited = addPositive(limits, container.resources?.limits);
    if (!QOS_RESOURCES.every((name) => limited.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the positive cpu/memory quantities of `list` into `sums`; returns the names it added. */
function addPositive(sums: Map<string, bigint>, list: Record<string, string | number> | undefined): Set<string> {
  const added = new Set<string>();
  for (const [name, quantity] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const value = parseQuantity(quantity) ?? 0n;
    if (value <= 0n) continue;
    added.add(name);
    sums.set(name, (sums.get(name) ?? 0n) + value);
  }
  return added;
}
