/**
 * An object without what the protobuf wire cannot tell apart from absence: empty lists, and zero scalars (Go
 * writes them for every unset field, so decoding drops them unless the Go field is a pointer), nor null.
 * Comparisons of protobuf and JSON forms apply it to both sides.
 */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = withoutEmpty(v);
    if (kept === null || kept === '' || kept === 0 || kept === false || (Array.isArray(kept) && kept.length === 0)) continue;
    out[key] = kept;
  }
  return out;
}
