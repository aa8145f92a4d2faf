import { badRequest } from '../../errors.js';
import { compareGoStrings, goQuote } from './go-text.js';

/** `=` and `==` both select equal values; `!=` selects the rest (objects without the field compare as ""). */
export type FieldOperator = '=' | '==' | '!=';

export interface FieldRequirement {
  field: string;
  operator: FieldOperator;
  /** Unescaped: `\,` `\=` `\\` in the query have become `,` `=` `\`. */
  value: string;
}

/** Checked in this order at every position, so `a==b` is not read as `a=` `=b`. */
const TERM_OPERATORS: readonly FieldOperator[] = ['!=', '==', '='];

/** Splits on commas that are not backslash-escaped; the escapes stay in the terms until the value is unescaped. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** The field name allows no escaping, so the first operator found splits the term. */
function splitTerm(term: string): [string, FieldOperator, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescapeValue(raw: string): string {
  if (!/[\\,=]/.test(raw)) return raw;
  let out = '';
  let escaped = false;
  for (const c of raw) {
    if (escaped) {
      if (c !== '\\' && c !== ',' && c !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === ',' || c === '=') {
      // Upstream formats the offending rune with %v, which prints its number.
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (escaped) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/**
 * Parses a `fieldSelector` query value like upstream's fields.ParseSelector. Terms are handled in sorted order, which
 * decides which bad term an error names; a bare `=` term (empty field and value) restricts nothing and is dropped.
 */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const reqs: FieldRequirement[] = [];
  for (const part of splitTerms(text).sort(compareGoStrings)) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    const [field, operator, raw] = split;
    const value = unescapeValue(raw);
    if (field === '' && value === '') continue;
    reqs.push({ field, operator, value });
  }
  return reqs;
}

/** Every requirement must hold; `get` answers undefined for a field the object lacks, which compares as "". */
export function matchesFields(reqs: readonly FieldRequirement[], get: (field: string) => string | undefined): boolean {
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i];
    const equal = (get(r.field) ?? '') === r.value;
    if (equal === (r.operator === '!=')) return false;
  }
  return true;
}

/** A kind's field-label conversion (upstream's AddFieldLabelConversionFunc). */
export interface FieldLabelConversion {
  /** Every field the kind accepts as written; upstream lists metadata.name / metadata.namespace per kind. */
  supported: ReadonlySet<string>;
  /** Old field names still accepted and rewritten, e.g. pods' `spec.host` → `spec.nodeName`. */
  aliases?: Readonly<Record<string, string>>;
}

const DEFAULT_FIELDS = new Set(['metadata.name', 'metadata.namespace']);

/**
 * What the list/watch handler does after parsing: runs each field through the kind's conversion and answers 400
 * for the first unsupported one. Kinds without a registered conversion (`undefined`) get upstream's default, which
 * knows only metadata.name and metadata.namespace and words its error differently.
 */
export function convertFieldSelector(
  reqs: readonly FieldRequirement[],
  conversion?: FieldLabelConversion,
): FieldRequirement[] {
  return reqs.map((r) => {
    if (!conversion) {
      if (DEFAULT_FIELDS.has(r.field)) return r;
      throw badRequest(`${goQuote(r.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
    const alias = conversion.aliases && Object.hasOwn(conversion.aliases, r.field) ? conversion.aliases[r.field] : undefined;
    if (alias !== undefined) return { ...r, field: alias };
    if (conversion.supported.has(r.field)) return r;
    throw badRequest(`field label not supported: ${r.field}`);
  });
}

/**
 * fields.Selector.RequiresExactMatch: the value an `=`/`==` term demands of `field`, used to serve a watch or list
 * on a single name (the handler rejects a fieldSelector on metadata.name that disagrees with the URL's name).
 */
export function requiredFieldValue(reqs: readonly FieldRequirement[], field: string): string | undefined {
  return reqs.find((r) => r.field === field && r.operator !== '!=')?.value;
}
