/**
 * `Warning: 299 - "text"` header values, as upstream's warning recorder writes them. The texts may hold anything a
 * client sent (an unknown field's name), so they are escaped for HTTP: quotes and backslashes as in Go's quoting,
 * DEL escaped, and UTF-8 carried as bytes (Node would refuse characters above U+00FF). Like upstream, warnings are
 * cut to 256 characters each once together they pass 4 KiB, and the ones past the limit are dropped.
 */
const TOTAL_LIMIT_BYTES = 4096;
const TRUNCATE_AT_CHARS = 256;

function headerValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  const quoted = `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
  return Buffer.from(`299 - ${quoted}`, 'utf8').toString('latin1');
}

export function warningHeaderValues(warnings: string[]): string[] {
  const full = warnings.map(headerValue);
  if (full.reduce((total, v) => total + v.length, 0) <= TOTAL_LIMIT_BYTES) return full;
  const values: string[] = [];
  let total = 0;
  for (const warning of warnings) {
    const chars = [...warning];
    const value = headerValue(chars.length > TRUNCATE_AT_CHARS ? chars.slice(0, TRUNCATE_AT_CHARS).join('') : warning);
    if (total + value.length > TOTAL_LIMIT_BYTES) break;
    values.push(value);
    total += value.length;
  }
  return values;
}
