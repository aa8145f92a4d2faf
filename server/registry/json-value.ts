/**
 * A JSON object (not an array, not null, not a typed array or Map a YAML tag such as `!!binary` or `!!omap` can
 * produce): what request bodies, patches and options must be before they are read.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
