import type { NameRule } from '../strategy.js';

/**
 * Upstream's string-format predicates (k8s.io/apimachinery/pkg/util/validation and api/validation/path): each returns
 * the list of human-readable problems with a value, empty when it is valid. Callers wrap each message in a field
 * error; the wording and the regexes quoted inside the messages are upstream's, because clients and tests match them.
 */

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${qualifiedNameFmt})?`;

const dns1123LabelRe = anchored(dns1123LabelFmt);
const dns1123SubdomainRe = anchored(dns1123SubdomainFmt);
const dns1035LabelRe = anchored(dns1035LabelFmt);
const qualifiedNameRe = anchored(qualifiedNameFmt);
const labelValueRe = anchored(labelValueFmt);

const dns1123LabelErr =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dns1123SubdomainErr =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1035LabelErr =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const qualifiedNameErr =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueErr =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;
const DNS1035_LABEL_MAX = 63;
const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;

function anchored(fmt: string): RegExp {
  return new RegExp(`^${fmt}$`);
}

/** Upstream measures with Go's len(), i.e. UTF-8 bytes, not UTF-16 code units. */
function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

function maxLenError(max: number): string {
  return `must be no more than ${max} characters`;
}

/** Each example is followed by ", " and examples are joined by " or ", hence upstream's `'a',  or 'b', ` spacing. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!dns1123LabelRe.test(value)) {
    // A value that would pass as a subdomain differs from a label only by its dots, so say exactly that.
    errs.push(
      dns1123SubdomainRe.test(value)
        ? 'must not contain dots'
        : regexError(dns1123LabelErr, dns1123LabelFmt, 'my-name', '123-abc'),
    );
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(dns1123SubdomainErr, dns1123SubdomainFmt, 'example.com'));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX) errs.push(maxLenError(DNS1035_LABEL_MAX));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(dns1035LabelErr, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

/** Label and annotation keys, finalizers, condition types: `[prefix/]name`, the prefix a DNS subdomain. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${regexError(qualifiedNameErr, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const errs: string[] = [];
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((msg) => `prefix part ${msg}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`);
  if (!qualifiedNameRe.test(name)) {
    errs.push(`name part ${regexError(qualifiedNameErr, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX));
  if (!labelValueRe.test(value)) errs.push(regexError(labelValueErr, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}

const pathSegmentMayNotBe = ['.', '..'];
const pathSegmentMayNotContain = ['/', '%'];

/** Names that only need to survive being a URL path segment (and a storage key). */
export function isValidPathSegmentName(value: string): string[] {
  const exact = pathSegmentMayNotBe.find((bad) => bad === value);
  if (exact !== undefined) return [`may not be '${exact}'`];
  return isValidPathSegmentPrefix(value);
}

/** A prefix may still become valid once a suffix is appended, so only the forbidden substrings count. */
function isValidPathSegmentPrefix(value: string): string[] {
  return pathSegmentMayNotContain.filter((bad) => value.includes(bad)).map((bad) => `may not contain '${bad}'`);
}

/**
 * A generateName prefix gets random characters appended, so a trailing '-' is fine; upstream masks it by replacing
 * the last two characters with 'a' (not just the dash), and leaves a lone '-' alone.
 */
function maskTrailingDash(prefix: string): string {
  return prefix.length > 1 && prefix.endsWith('-') ? `${prefix.slice(0, -2)}a` : prefix;
}

/** Upstream's ValidateNameFunc for each NameRule; `prefix` marks a generateName rather than a final name. */
export function validateNameByRule(name: string, rule: NameRule, prefix: boolean): string[] {
  switch (rule) {
    case 'subdomain':
      return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
    case 'label':
      return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
    case 'dns1035':
      return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
    case 'path-segment':
      return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);
  }
}
