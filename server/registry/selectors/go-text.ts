// Go's text formatting and ordering, reproduced so selector errors and orderings match the apiserver's exactly.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** strconv.Quote (what `%q` prints); JSON.stringify differs for control characters, DEL and non-printable Unicode. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (NAMED_ESCAPES[ch]) out += NAMED_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else {
      // A lone surrogate can only come from a JSON `\uD8xx` escape, which Go's decoder turns into U+FFFD.
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      const c = String.fromCodePoint(cp);
      if (PRINTABLE.test(c)) out += c;
      else out += cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    }
  }
  return `${out}"`;
}

/**
 * Go's `%#v` of a `[]string`, which is how requirement errors print a bad value list. Upstream copies the values
 * with `append([]string(nil), ...)`, so an empty list prints as nil.
 */
export function goStringSlice(values: readonly string[]): string {
  return values.length === 0 ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
}

/**
 * Go's string ordering (UTF-8 bytes, i.e. code points). UTF-16 code-unit order only disagrees when a surrogate, which
 * always encodes a code point above the BMP, meets a BMP unit from U+E000 up.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
