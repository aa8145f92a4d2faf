/**
 * Upstream's validateIndexesFormat: comma-separated indexes or `a-b` intervals, increasing, each below completions.
 * Returns how many indexes the text names, or the error upstream would report.
 */
export function parseIndexes(text: string, completions: number): { total: number } | { error: string } {
  if (text === '') return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return { error: `the fragment "${interval}" violates the requirement that an index interval can have at most two parts separated by '-'` };
    }
    for (const [i, limitText] of limits.entries()) {
      const value = parseInt32(limitText);
      if (value === undefined) return { error: `cannot convert string to integer for index: "${limitText}"` };
      if (value >= completions) return { error: `too large index: "${limitText}"` };
      if (last !== undefined && last >= value) return { error: `non-increasing order, previous: ${last}, current: ${value}` };
      total += i === 0 ? 1 : value - last!;
      last = value;
    }
  }
  return { total };
}

/** strconv.ParseInt(s, 10, 32). */
function parseInt32(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}
