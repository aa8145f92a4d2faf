// The JSON values a strategic merge patch walks, with the Go types upstream sees in their place.

export type JsonMap = Record<string, unknown>;

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ORDER_PREFIX = '$setElementOrder';
export const DELETE_PRIMITIVE_PREFIX = '$deleteFromPrimitiveList';

/** The Go type a decoded JSON value has upstream, which decodes integers as int64 and other numbers as float64. */
export type GoKind = 'map' | 'slice' | 'string' | 'bool' | 'int64' | 'float64' | 'nil';

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(map: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** Sets a key as an own data property: patch keys are client text, and `__proto__` must stay an ordinary field. */
export function put(map: JsonMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

export function goKind(value: unknown): GoKind {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
    default:
      return 'map';
  }
}

export function isDeleteItem(value: unknown): boolean {
  return isMap(value) && value[DIRECTIVE] === 'delete';
}

function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE ||
    key === RETAIN_KEYS ||
    key.startsWith(SET_ORDER_PREFIX) ||
    key.startsWith(DELETE_PRIMITIVE_PREFIX)
  );
}

/**
 * A patch value taken as it is (a new field, an appended item, a replaced list or map), without what only means
 * something to the merge: nulls in maps and directive keys go, and a map carrying `$patch` goes entirely (upstream's
 * discardNullValuesFromPatch and removeDirectives). Returns undefined when the value itself must go.
 * Upstream only cleans new fields this way and lets its typed decoding absorb the rest; cleaning every verbatim value
 * keeps directives and nulls out of what the store keeps.
 */
export function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutDirectives).filter((item) => item !== undefined);
  }
  if (!isMap(value)) return value;
  if (hasOwn(value, DIRECTIVE)) return undefined;
  const out: JsonMap = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || isDirectiveKey(key)) continue;
    const kept = withoutDirectives(item);
    if (kept !== undefined) put(out, key, kept);
  }
  return out;
}
