// How upstream orders a merged list: items named by the patch (or by $setElementOrder) follow that order, the
// server-only items keep their live order, and the two sequences are interleaved by their live positions.
import { goStableSort } from './go-stable-sort.js';
import { badArgType, goFormat, MAP_TYPE, mergeFailure, noMergeKey } from './strategic-errors.js';
import { DIRECTIVE, hasOwn, isDeleteItem, isMap, SET_ORDER_PREFIX, type GoKind } from './strategic-values.js';

/** What identifies an item: a map's merge key value (nil when absent or not a map), or the value itself. */
function identity(item: unknown, mergeKey: string, kind: GoKind): unknown {
  if (kind !== 'map') return item;
  return isMap(item) && hasOwn(item, mergeKey) ? item[mergeKey] : null;
}

function position(list: readonly unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const id = identity(item, mergeKey, kind);
  return list.findIndex((candidate) => identity(candidate, mergeKey, kind) === id);
}

function requireMergeKeys(mergeKey: string, ...lists: (readonly unknown[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw badArgType(MAP_TYPE, item);
      if (!hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    }
  }
}

/** Index of the map whose merge key holds `value`; like upstream, fails on a non-map met before it. */
export function findByKey(list: readonly unknown[], mergeKey: string, value: unknown, length = list.length): number {
  for (let i = 0; i < length; i++) {
    const item = list[i];
    if (!isMap(item)) throw mergeFailure(`value for key ${i} is not a map.`);
    if (hasOwn(item, mergeKey) && item[mergeKey] === value) return i;
  }
  return -1;
}

/** Splits `merged` into the items present in `by` and the rest, each keeping its order. */
export function partition(
  merged: readonly unknown[],
  by: readonly unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  const inside: unknown[] = [];
  const outside: unknown[] = [];
  for (const item of merged) {
    let found: boolean;
    if (!mergeKey) {
      found = by.includes(item);
    } else {
      if (!isMap(item)) throw badArgType(MAP_TYPE, item);
      if (!hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
      found = findByKey(by, mergeKey, item[mergeKey]) >= 0;
    }
    (found ? inside : outside).push(item);
  }
  return [inside, outside];
}

/** Sorts by position in `order`; deletion directives are kept aside and go last. */
function sortByOrder(items: readonly unknown[], order: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  let kept = items.slice();
  let deletions: unknown[] = [];
  if (kind === 'map') {
    requireMergeKeys(mergeKey, items, order);
    kept = items.filter((item) => !isDeleteItem(item));
    deletions = items.filter(isDeleteItem);
  }
  goStableSort(kept, (a, b) => {
    const i = position(order, a, mergeKey, kind);
    const j = position(order, b, mergeKey, kind);
    return i >= 0 && j >= 0 ? i < j : true;
  });
  return kept.concat(deletions);
}

/** Interleaves two ordered sequences; a server-only item goes first only when both sit in the live list ahead. */
function interleave(
  serverOnly: unknown[],
  named: unknown[],
  live: readonly unknown[],
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length && j < named.length) {
    const left = position(live, serverOnly[i], mergeKey, kind);
    const right = position(live, named[j], mergeKey, kind);
    if (left >= 0 && right >= 0 && left < right) out.push(serverOnly[i++]);
    else out.push(named[j++]);
  }
  return out.concat(serverOnly.slice(i), named.slice(j));
}

export function normalizeOrder(
  named: readonly unknown[],
  serverOnly: readonly unknown[],
  order: readonly unknown[],
  live: readonly unknown[],
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const sortedNamed = sortByOrder(named, order, mergeKey, kind);
  const sortedServerOnly = sortByOrder(serverOnly, live, mergeKey, kind);
  return interleave(sortedServerOnly, sortedNamed, live, mergeKey, kind);
}

function sameItem(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isMap(left)) throw badArgType(MAP_TYPE, left);
  if (!isMap(right)) throw badArgType(MAP_TYPE, right);
  if (!hasOwn(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/** The patch list's items (deletions and other directives aside) must appear in $setElementOrder, in its order. */
export function validateOrderList(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey) {
    for (const item of patchList) if (!isMap(item)) throw badArgType(MAP_TYPE, item);
    items = patchList.filter((item) => !isDeleteItem(item));
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p];
    if (isMap(item) && hasOwn(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (sameItem(item, order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw mergeFailure(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ORDER_PREFIX} list:\n` +
        `${goFormat(order)}\n`,
    );
  }
}
