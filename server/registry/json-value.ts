/** A JSON object (not an array, not null): what request bodies, patches and options must be before they are read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
