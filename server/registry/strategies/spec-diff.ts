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

/** One line per differing leaf, `-` for the old value and `+` for the new, like a unified diff. */
export function specDiff(old: unknown, next: unknown, path = ''): string[] {
  if (isZero(old) && isZero(next)) return [];
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
