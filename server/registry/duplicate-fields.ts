import { isScalar, visit, type Document, type LineCounter } from 'yaml';
import { badRequest } from '../errors.js';

/**
 * Duplicate fields in a request body. JSON.parse and YAML loaders keep one of two equal keys without a word;
 * upstream's strict decoder reports each (`duplicate field "spec.paused"` in JSON, `line 12: key "paused" already
 * set in map` in YAML) as fieldValidation asks. The scan runs once parsing has succeeded, and its result travels
 * with the parsed body to where unknown fields are judged.
 */
export interface DuplicateFields {
  /** JSON duplicates as field paths, in document order. */
  paths: string[];
  /** YAML duplicates, already worded as upstream's YAML-to-JSON conversion words them. */
  yamlMessages: string[];
}

const found = new WeakMap<object, DuplicateFields>();

/** Scans `text` (valid JSON) and remembers its duplicate field paths against `parsed`, the value it parsed to. */
export function noteDuplicateFields(parsed: unknown, text: string): void {
  if (parsed === null || typeof parsed !== 'object') return;
  if (keyTokens(text) <= keysIn(parsed)) return;
  const paths = findDuplicateFields(text);
  if (paths.length > 0) found.set(parsed, { paths, yamlMessages: [] });
}

/** Remembers the duplicate keys of a YAML document (parsed with `uniqueKeys: false`) against its value. */
export function noteDuplicateYamlKeys(parsed: unknown, doc: Document, lines: LineCounter): void {
  if (parsed === null || typeof parsed !== 'object') return;
  const yamlMessages: string[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!seen.has(key)) seen.add(key);
        else if (isScalar(pair.key) && pair.key.range) {
          yamlMessages.push(`line ${lines.linePos(pair.key.range[0]).line}: key "${key}" already set in map`);
        }
      }
    },
  });
  if (yamlMessages.length > 0) found.set(parsed, { paths: [], yamlMessages });
}

/** The duplicates noted for a parsed body. */
export function duplicateFieldsOf(body: unknown): DuplicateFields {
  return (body !== null && typeof body === 'object' ? found.get(body) : undefined) ?? { paths: [], yamlMessages: [] };
}

/**
 * An upper bound of the keys in the text: every key is a closing quote followed by a colon, and inside strings a
 * quote is escaped, so only such an escaped quote can add to the count. When the bound does not exceed the keys
 * parsed, nothing was dropped and the full scan (a few percent of a create's cost) is skipped.
 */
function keyTokens(text: string): number {
  let count = 0;
  for (let quote = text.indexOf('"'); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let i = quote + 1;
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
    if (c === 0x3a) count++;
  }
  return count;
}

/** Go's JSON decoder refuses documents nested deeper than this; deeper ones would also overflow our recursion. */
const MAX_DEPTH = 10_000;

/** Refuses a parsed document nested deeper than upstream's decoder allows (patch documents, say). */
export function assertJsonDepth(value: unknown): void {
  keysIn(value);
}

/** The keys of a parsed body, counted without recursion; a body nested deeper than upstream allows is refused. */
function keysIn(root: unknown): number {
  let count = 0;
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) throw badRequest("couldn't get version/kind; json parse error: exceeded max depth");
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      count++;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return count;
}

interface Frame {
  path: string;
  /** Keys seen so far in an object; undefined for an array. */
  keys?: Set<string>;
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Field paths as upstream prints them: `spec.template.spec.containers[0].imagePullPolicy`. */
export function findDuplicateFields(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Frame[] = [];
  let pendingKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && pendingKey === undefined && isKeyPosition(text, end)) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) duplicates.push(join(top.path, key));
        else top.keys.add(key);
        pendingKey = key;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      stack.push({ path: childPath(stack[stack.length - 1], pendingKey), keys: c === 0x7b ? new Set() : undefined, index: 0 });
      pendingKey = undefined;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      pendingKey = undefined;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
      pendingKey = undefined;
    }
  }
  return duplicates;
}

/** The index of the quote closing the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE || Number.isNaN(c)) return i;
    else i++;
  }
}

/** A string is a key when the next non-blank character is a colon. */
function isKeyPosition(text: string, end: number): boolean {
  let i = end + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
    i++;
  }
}

function childPath(parent: Frame | undefined, key: string | undefined): string {
  if (!parent) return '';
  if (!parent.keys) return `${parent.path}[${parent.index}]`;
  return join(parent.path, key ?? '');
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Unknown and duplicate fields as one list in document order, the order upstream's decoder meets them in. A field
 * that is both unknown and repeated is reported as unknown only, as upstream does for typed objects.
 */
export function strictDecodingProblems(unknown: string[], duplicates: DuplicateFields, order: Map<string, number>): string[] {
  const problems = unknown.map((path) => ({ path, text: `unknown field "${path}"` }));
  for (const path of duplicates.paths) {
    if (!unknown.some((u) => path === u || path.startsWith(`${u}.`) || path.startsWith(`${u}[`))) {
      problems.push({ path, text: `duplicate field "${path}"` });
    }
  }
  const sorted = problems.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0)).map((p) => p.text);
  // Upstream meets YAML duplicates while converting to JSON, before decoding finds unknown fields.
  return [...duplicates.yamlMessages, ...sorted];
}

/** Every field path of a parsed body, numbered in document order; taken before unknown fields are pruned away. */
export function documentOrder(body: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (value: unknown, path: string) => {
    order.set(path, order.size);
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, join(path, key));
    }
  };
  visit(body, '');
  return order;
}
