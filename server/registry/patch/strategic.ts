// Strategic merge patch (`application/strategic-merge-patch+json`) as the apiserver applies it: upstream's
// StrategicMergeMapPatch with the patch metadata taken from the kind's TypeBox schema.
import type { TSchema } from '@sinclair/typebox';
import {
  BAD_JSON_DOC,
  BAD_PRIMITIVE_LIST,
  BAD_RETAIN_KEYS,
  BAD_SET_ORDER,
  badArgType,
  badPatchType,
  goFormat,
  listOfLists,
  mergeFailure,
  noMergeKey,
  sentinel,
  SLICE_TYPE,
} from './strategic-errors.js';
import { findByKey, normalizeOrder, partition, validateOrderList } from './strategic-order.js';
import { listMeta, mapMeta, type ListMeta } from './strategic-schema.js';
import {
  DELETE_PRIMITIVE_PREFIX,
  DIRECTIVE,
  goKind,
  hasOwn,
  isMap,
  put,
  RETAIN_KEYS,
  SET_ORDER_PREFIX,
  withoutDirectives,
  type GoKind,
  type JsonMap,
} from './strategic-values.js';

/**
 * Applies `patch` to `original` and returns the result; neither input is changed. `schema` supplies the patch
 * strategy and merge key of each list; where it says nothing, maps still merge and lists are replaced.
 * Failures are ApiErrors worded like upstream's.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: TSchema | undefined): unknown {
  // Upstream decodes both documents into maps, and JSON null decodes into an empty one.
  const target = original ?? {};
  const changes = patch ?? {};
  if (!isMap(target) || !isMap(changes)) throw sentinel(BAD_JSON_DOC);
  return mergeMap(structuredClone(target), structuredClone(changes), schema);
}

/** Merges `patch` into `original`, both private copies that may be changed in place. */
function mergeMap(original: JsonMap, patch: JsonMap, schema: TSchema | undefined): JsonMap {
  if (hasOwn(patch, DIRECTIVE)) return mapDirective(patch);
  applyRetainKeys(original, patch);
  mergeOrderedLists(original, patch, schema);

  for (const [key, value] of Object.entries(patch)) {
    const isDeleteList = key.startsWith(DELETE_PRIMITIVE_PREFIX);
    const field = isDeleteList ? fieldOf(key, DELETE_PRIMITIVE_PREFIX, BAD_PRIMITIVE_LIST) : key;
    if (value === null) {
      delete original[field];
      continue;
    }
    if (!hasOwn(original, field) || goKind(original[field]) !== goKind(value)) {
      // A deletion list for a field that is absent, or not a list, has nothing to delete from.
      if (!isDeleteList) putClean(original, field, value);
      continue;
    }
    const current = original[field];
    if (isMap(value)) {
      const meta = mapMeta(schema, field);
      if (meta.strategy === 'replace') putClean(original, field, value);
      else put(original, field, mergeMap(current as JsonMap, value, meta.schema));
    } else if (Array.isArray(value)) {
      put(original, field, mergeList(current as unknown[], value, listMeta(schema, field), isDeleteList).merged);
    } else {
      put(original, field, value);
    }
  }
  return original;
}

function putClean(map: JsonMap, key: string, value: unknown): void {
  const kept = withoutDirectives(value);
  if (kept === undefined) delete map[key];
  else put(map, key, kept);
}

function mapDirective(patch: JsonMap): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return withoutDirectives(patch) as JsonMap;
  }
  if (directive === 'delete') return {};
  throw badPatchType(directive);
}

/** `$setElementOrder/containers` names the list `containers`; a key without the `/` is malformed. */
function fieldOf(key: string, prefix: string, malformed: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw sentinel(malformed);
  return key.slice(slash + 1);
}

/** `$retainKeys` clears every field it does not name, and the patch may only set fields it names. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!hasOwn(patch, RETAIN_KEYS)) return;
  const retained = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retained)) throw sentinel(BAD_RETAIN_KEYS);
  const keep = new Set<unknown>(retained);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_PRIMITIVE_PREFIX) || key.startsWith(SET_ORDER_PREFIX)) continue;
    if (!keep.has(key)) throw sentinel(BAD_RETAIN_KEYS);
  }
  for (const key of Object.keys(original)) {
    if (!keep.has(key)) delete original[key];
  }
}

/** Merges each list that has a `$setElementOrder` directive, then orders it by that directive. */
function mergeOrderedLists(original: JsonMap, patch: JsonMap, schema: TSchema | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER_PREFIX)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw badArgType(SLICE_TYPE, order);
    const field = fieldOf(key, SET_ORDER_PREFIX, BAD_SET_ORDER);
    const inOriginal = hasOwn(original, field);
    const inPatch = hasOwn(patch, field);
    const originalList = inOriginal ? original[field] : [];
    const patchList = inPatch ? patch[field] : [];
    if (!Array.isArray(originalList)) throw badArgType(SLICE_TYPE, originalList);
    if (!Array.isArray(patchList)) throw badArgType(SLICE_TYPE, patchList);
    const meta = listMeta(schema, field);
    validateOrderList(patchList, order, meta.mergeKey);

    let result: MergedList;
    if (inOriginal && inPatch) result = mergeList(originalList, patchList, meta, false);
    else if (inOriginal) result = { merged: originalList, live: originalList };
    else if (inPatch) result = { merged: withoutDirectives(patchList) as unknown[], live: [] };
    else continue;

    const [named, serverOnly] = partition(result.merged, order, meta.mergeKey);
    const kind = elementKind(originalList, patchList);
    put(original, field, normalizeOrder(named, serverOnly, order, result.live, meta.mergeKey, kind));
    delete patch[field];
  }
}

/**
 * A merged list, and the live list as upstream reads it back afterwards when placing server-only items. The two
 * differ when deletions shifted items inside the live list's storage and appended items reused the freed slots.
 */
interface MergedList {
  merged: unknown[];
  live: unknown[];
}

/** The single element type of the lists, failing on mixed types and on lists of lists. */
function elementKind(...lists: unknown[][]): GoKind {
  let kind: GoKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const itemKind = goKind(item);
      if (kind === undefined) {
        if (itemKind === 'slice') throw listOfLists();
        kind = itemKind;
      } else if (itemKind !== kind) {
        throw mergeFailure(`list element types are not identical: ${goFormat(lists)}`);
      }
    }
  }
  if (kind === undefined) throw mergeFailure('no elements in any of the given slices');
  return kind;
}

function mergeList(original: unknown[], patch: unknown[], meta: ListMeta, isDeleteList: boolean): MergedList {
  if (meta.strategy !== 'merge' && !isDeleteList) {
    return { merged: withoutDirectives(patch) as unknown[], live: original };
  }
  if (original.length === 0 && patch.length === 0) return { merged: original, live: original };
  const kind = elementKind(original, patch);
  if (kind === 'map') {
    if (!meta.mergeKey) throw mergeFailure(`cannot merge lists without merge key for ${meta.name}`);
    return mergeMapList(original, patch as JsonMap[], meta);
  }
  if (isDeleteList) return { merged: original.filter((item) => !patch.includes(item)), live: original };
  // A set union; upstream's dedupe scrambles the order, which the normalization below restores.
  const merged = [...new Set([...original, ...patch])];
  const [named, serverOnly] = partition(merged, patch, '');
  return { merged: normalizeOrder(named, serverOnly, patch, original, '', kind), live: original };
}

/** Merges a list of maps by merge key: deletions and `$patch: replace` first, then updates and additions. */
function mergeMapList(original: unknown[], patch: JsonMap[], meta: ListMeta): MergedList {
  const key = meta.mergeKey;
  // Upstream edits the live list in place: `storage` mirrors it, `length` is how much of it is still the list.
  const storage = original.slice();
  let length = storage.length;
  const items: JsonMap[] = [];
  let replace = false;
  for (const item of patch) {
    if (!hasOwn(item, DIRECTIVE)) {
      items.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!hasOwn(item, key)) throw noMergeKey(item, key);
      for (let i = findByKey(storage, key, item[key], length); i >= 0; i = findByKey(storage, key, item[key], length)) {
        storage.copyWithin(i, i + 1, length);
        length--;
      }
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw mergeFailure('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive);
    }
  }

  if (replace) {
    const replacement = withoutDirectives(items) as unknown[];
    const [named, serverOnly] = partition(replacement, [], key);
    return { merged: normalizeOrder(named, serverOnly, [], replacement, key, 'map'), live: storage };
  }

  const remaining = storage.slice(0, length);
  const merged = remaining.slice();
  for (const item of items) {
    if (!hasOwn(item, key)) throw noMergeKey(item, key);
    const found = findByKey(merged, key, item[key]);
    const at = found >= 0 ? found : merged.length;
    merged[at] = found >= 0 ? mergeMap(merged[found] as JsonMap, item, meta.items) : withoutDirectives(item);
    // Appends land in the slots deletions freed; past the live list's end they are out of its sight.
    if (at < storage.length) storage[at] = merged[at];
  }
  const [named, serverOnly] = partition(merged, items, key);
  return { merged: normalizeOrder(named, serverOnly, items, remaining, key, 'map'), live: storage };
}
