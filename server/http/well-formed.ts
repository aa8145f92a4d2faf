/**
 * A surrogate escape (`\uD800`–`\uDFFF`, or YAML's `\U0000D800` form) in body text: the only way a lone surrogate
 * gets into a decoded string, since the text itself comes from UTF-8, where lone surrogates become U+FFFD.
 */
const SURROGATE_ESCAPE = /\\(?:u|U0000)[dD][89a-fA-F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `text` may decode to strings with lone surrogates (a quick scan, so that most bodies skip the walk). */
export function mayHoldLoneSurrogates(text: string): boolean {
  return SURROGATE_ESCAPE.test(text);
}

function wellFormedString(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Go's JSON decoder turns a lone UTF-16 surrogate (`"\ud800"` without its pair) into U+FFFD; JSON.parse and the YAML
 * parser keep it, and a name holding one cannot even be put in a URL. Every string and key of a decoded body is
 * made well-formed the way Go's decoder makes it, in place. Without recursion, and each object once: YAML aliases
 * can make a body deeper than the stack, or cyclic (those are refused later, with upstream's answer).
 */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedString(value);
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const fixedChild = typeof child === 'string' ? wellFormedString(child) : child;
      const fixedKey = wellFormedString(key);
      if (fixedKey !== key) delete record[key];
      if (fixedKey !== key || fixedChild !== child) record[fixedKey] = fixedChild;
      pending.push(fixedChild);
    }
  }
  return value;
}
