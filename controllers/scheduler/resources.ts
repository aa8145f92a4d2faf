import type { Container, PodSpec } from '../../schemas/core/pod.js';
import { parseQuantity } from '../../server/registry/strategies/quantity.js';

type ResourceList = Record<string, string | number>;

/** Amounts by resource name in nano-units, so sums of quantities stay exact until they are rounded once. */
export type ResourceAmounts = Map<string, bigint>;

/** framework.Resource: cpu in millicores, everything else in whole units, each rounded up as Quantity.Value does. */
export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  scalar: Map<string, number>;
}

const NANOS_PER_UNIT = 1_000_000_000n;
const NANOS_PER_MILLI = 1_000_000n;

/**
 * What scoring assumes a container asks for when it names no cpu or memory request (schedutil's
 * DefaultMilliCPURequest 100m and DefaultMemoryRequest 200Mi), so best-effort pods still spread.
 */
export const NON_ZERO_DEFAULTS: ResourceList = { cpu: '100m', memory: String(200 * 1024 * 1024) };

function addList(into: ResourceAmounts, list: ResourceList): void {
  for (const [name, quantity] of Object.entries(list)) into.set(name, (into.get(name) ?? 0n) + (parseQuantity(quantity) ?? 0n));
}

function maxInto(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const [name, amount] of from) {
    const current = into.get(name);
    if (current === undefined || amount > current) into.set(name, amount);
  }
}

function containerRequests(container: Container, defaults: ResourceList | undefined): ResourceList {
  const requests = (container.resources?.requests ?? {}) as ResourceList;
  if (!defaults) return requests;
  const filled = { ...requests };
  for (const [name, quantity] of Object.entries(defaults)) if (!Object.hasOwn(filled, name)) filled[name] = quantity;
  return filled;
}

/**
 * resourcehelper.PodRequests: the containers' requests summed; each init container runs alone next to the
 * sidecars started before it (restartPolicy Always, which keep running and so add to the sum), and the pod needs
 * the larger of the two peaks; overhead comes on top. `defaults` fills in requests a container leaves unnamed.
 */
export function podRequests(spec: PodSpec | undefined, defaults?: ResourceList): ResourceAmounts {
  const total: ResourceAmounts = new Map();
  for (const container of spec?.containers ?? []) addList(total, containerRequests(container, defaults));
  const sidecars: ResourceAmounts = new Map();
  const initPeak: ResourceAmounts = new Map();
  for (const container of spec?.initContainers ?? []) {
    const requests = containerRequests(container, defaults);
    let running: ResourceAmounts;
    if (container.restartPolicy === 'Always') {
      addList(total, requests);
      addList(sidecars, requests);
      running = sidecars;
    } else {
      running = new Map(sidecars);
      addList(running, requests);
    }
    maxInto(initPeak, running);
  }
  maxInto(total, initPeak);
  if (spec?.overhead) addList(total, spec.overhead as ResourceList);
  return total;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a >= 0n ? (a + b - 1n) / b : a / b;
}

/**
 * schedutil.IsScalarResourceName: extended (domain-prefixed) and kubernetes.io-prefixed resources, hugepages and
 * attachable volumes; anything else that is not cpu, memory, ephemeral-storage or pods is ignored.
 */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

/** framework.Resource.Add over a list of amounts. */
export function toResources(amounts: ResourceAmounts): Resources {
  const out: Resources = { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: new Map() };
  for (const [name, nanos] of amounts) {
    const value = Number(ceilDiv(nanos, NANOS_PER_UNIT));
    if (name === 'cpu') out.milliCpu += Number(ceilDiv(nanos, NANOS_PER_MILLI));
    else if (name === 'memory') out.memory += value;
    else if (name === 'ephemeral-storage') out.ephemeralStorage += value;
    else if (name === 'pods') out.pods += value;
    else if (isScalarResourceName(name)) out.scalar.set(name, (out.scalar.get(name) ?? 0) + value);
  }
  return out;
}

export function resourcesFromList(list: ResourceList | undefined): Resources {
  const amounts: ResourceAmounts = new Map();
  addList(amounts, list ?? {});
  return toResources(amounts);
}

export function emptyResources(): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: new Map() };
}

/** `into` += `sign` × `r`. */
export function accumulate(into: Resources, r: Resources, sign: 1 | -1 = 1): void {
  into.milliCpu += sign * r.milliCpu;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  into.pods += sign * r.pods;
  for (const [name, value] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * value);
}
