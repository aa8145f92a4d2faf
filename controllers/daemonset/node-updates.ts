import { isDeepStrictEqual } from 'node:util';
import type { NodeCondition } from '../../schemas/core/node.js';
import type { NodeObject } from './types.js';

/** nodeInSameCondition: the same set of condition types is True before and after. */
export function nodeInSameCondition(old: readonly NodeCondition[] | undefined, cur: readonly NodeCondition[] | undefined): boolean {
  const trueTypes = (conditions: readonly NodeCondition[] | undefined) =>
    new Set((conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type ?? ''));
  const before = trueTypes(old);
  const after = trueTypes(cur);
  return before.size === after.size && [...after].every((t) => before.has(t));
}

/**
 * shouldIgnoreNodeUpdate: a heartbeat (new resourceVersion, condition timestamps, same True conditions) and
 * nothing else cannot change any DaemonSet's answer, so it is not worth looking at every DaemonSet.
 */
export function shouldIgnoreNodeUpdate(old: NodeObject, cur: NodeObject): boolean {
  if (!nodeInSameCondition(old.status?.conditions, cur.status?.conditions)) return false;
  const strip = (node: NodeObject) => ({
    ...node,
    metadata: { ...node.metadata, resourceVersion: undefined },
    status: { ...node.status, conditions: undefined },
  });
  return isDeepStrictEqual(strip(old), strip(cur));
}
