/**
 * Comparing specs the way upstream compares Go structs after decoding: an absent field holds its zero value, so
 * absent, null, false, 0, '', [] and {} are all the same. Pointer fields upstream tells apart from their zero
 * value (nil vs false) are treated alike here; no update check depends on that difference.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.values(value).every(isZero);
}

/** Whether two values decode to the same Go value; no allocation, as most updates leave a spec as it was. */
export function specEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (!specEqual(a[i], b[i])) return false;
    return true;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key in a) if (!specEqual(a[key], b[key])) return false;
    for (const key in b) if (!(key in a) && !isZero(b[key])) return false;
    return true;
  }
  return isZero(a) && isZero(b);
}

/** One line per differing leaf, `-` for the old value and `+` for the new, like a unified diff. */
export function specDiff(old: unknown, next: unknown, path = ''): string[] {
  if (specEqual(old, next)) return [];
  if (Array.isArray(old) && Array.isArray(next) && old.length === next.length) {
    return old.flatMap((item, i) => specDiff(item, next[i], `${path}[${i}]`));
  }
  if (isRecord(old) && isRecord(next)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort();
    return keys.flatMap((key) => specDiff(old[key], next[key], path ? `${path}.${key}` : key));
  }
  if (old === next) return [];
  const lines: string[] = [];
  if (!isZero(old)) lines.push(`- ${path}: ${JSON.stringify(old)}`);
  if (!isZero(next)) lines.push(`+ ${path}: ${JSON.stringify(next)}`);
  return lines;
}
