/**
 * Equality in the spirit of apimachinery's `equality.Semantic.DeepEqual`, which upstream's strategies use to decide
 * whether a template or selector changed. Go decodes an absent list or map to nil and treats nil and empty as equal;
 * on JSON we approximate that by treating absent, null, `[]` and `{}` alike. Object key order never matters.
 * Scalars compare exactly (unlike spec-diff.ts): a label or selector value of "" is a real map entry in Go, and
 * turning it into an absent key is a change.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => semanticEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!semanticEqual(a[key], b[key])) return false;
    return true;
  }
  return a === b;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}
