import { badRequest } from '../../errors.js';
import { compareGoStrings } from './go-text.js';
import { labelKeyError, requirementError, type LabelOperator, type LabelRequirement } from './label-requirement.js';

/**
 * The `labelSelector` query grammar of upstream's labels.Parse:
 *   selector    ::= requirement ("," requirement)*
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 * Whitespace (space, tab, CR, LF) separates tokens; the empty string selects everything.
 */

type TokenKind = 'end' | 'id' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<';

interface Token {
  kind: TokenKind;
  text: string;
}

const END: Token = { kind: 'end', text: '' };
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

const OPERATORS: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'In',
  notin: 'NotIn',
  '=': 'Equals',
  '==': 'DoubleEquals',
  '!=': 'NotEquals',
  '>': 'GreaterThan',
  '<': 'LessThan',
};

/**
 * Upstream's lexer reads bytes and uses 0 as its end-of-input marker, so a NUL where a token would start ends the
 * selector, and a NUL right after a token is swallowed; both are reproduced.
 */
function lex(s: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && WHITESPACE.has(s[pos])) pos++;
    if (pos >= s.length || s[pos] === '\0') {
      tokens.push(END);
      return tokens;
    }
    const start = pos;
    if (SPECIAL.has(s[pos])) {
      const pair = s.slice(pos, pos + 2);
      pos += pair === '!=' || pair === '==' ? 2 : 1;
    } else {
      while (pos < s.length && s[pos] !== '\0' && !SPECIAL.has(s[pos]) && !WHITESPACE.has(s[pos])) pos++;
    }
    const text = s.slice(start, pos);
    if (s[pos] === '\0') pos++;
    const kind = SPECIAL.has(text[0]) || text === 'in' || text === 'notin' ? (text as TokenKind) : 'id';
    tokens.push({ kind, text });
  }
}

class SyntaxFailure extends Error {}

function fail(message: string): never {
  throw new SyntaxFailure(message);
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Everywhere but the operator slot, `in` and `notin` are plain identifiers: `in in (notin)` is a valid selector. */
  private peek(): Token {
    const t = this.tokens[this.pos];
    return t.kind === 'in' || t.kind === 'notin' ? { kind: 'id', text: t.text } : t;
  }

  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const first = this.peek();
      if (first.kind === 'end') return requirements;
      if (first.kind !== 'id' && first.kind !== '!') {
        fail(`found '${first.text}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.requirement());
      } catch (err) {
        if (err instanceof SyntaxFailure) fail(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') fail(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.kind !== 'id' && following.kind !== '!') {
        fail(`found '${following.text}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelRequirement {
    let t = this.next();
    let operator: LabelOperator | undefined;
    if (t.kind === '!') {
      operator = 'DoesNotExist';
      t = this.next();
    }
    if (t.kind !== 'id') fail(`found '${t.text}', expected: identifier`);
    const key = t.text;
    // The parser checks the key before reading on, with a nil field path that Go prints as `<nil>`.
    const keyErr = labelKeyError(key, '<nil>');
    if (keyErr) fail(keyErr);
    const lookahead = this.peek().kind;
    if (operator === undefined && (lookahead === 'end' || lookahead === ',')) operator = 'Exists';
    if (operator !== undefined) return build(key, operator, []);

    const opToken = this.tokens[this.pos++];
    operator = OPERATORS[opToken.kind];
    if (!operator) fail(`found '${opToken.text}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === 'In' || operator === 'NotIn' ? this.valueSet() : this.exactValue();
    return build(key, operator, values);
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') fail(`found '${open.text}' expected: '('`);
    const first = this.peek();
    if (first.kind === ')') {
      this.pos++;
      return [''];
    }
    if (first.kind !== 'id' && first.kind !== ',') fail(`found '${first.text}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const t = this.next();
      if (t.kind === 'id') {
        values.add(t.text);
        const lookahead = this.peek();
        if (lookahead.kind === ')') break;
        if (lookahead.kind !== ',') fail(`found '${lookahead.text}', expected: ',' or ')'`);
      } else if (t.kind === ',') {
        // A leading, doubled or trailing comma stands for the empty value.
        if (values.size === 0) values.add('');
        const lookahead = this.peek().kind;
        if (lookahead === ')') {
          values.add('');
          break;
        }
        if (lookahead === ',') values.add('');
      } else {
        fail(`found '${t.text}', expected: ',', or identifier`);
      }
    }
    this.pos++;
    return [...values].sort(compareGoStrings);
  }

  private exactValue(): string[] {
    const lookahead = this.peek().kind;
    if (lookahead === 'end' || lookahead === ',') return [''];
    const t = this.next();
    if (t.kind !== 'id') fail(`found '${t.text}', expected: identifier`);
    return [t.text];
  }
}

function build(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const error = requirementError(key, operator, values);
  if (error) fail(error);
  return { key, operator, values };
}

/** Parses a `labelSelector` query value; a syntax or validation error is a 400 worded like the apiserver's. */
export function parseLabelSelector(text: string): LabelRequirement[] {
  try {
    // Upstream sorts requirements by key (stably, for the handful a selector has) to print them deterministically.
    return new Parser(lex(text)).parse().sort((a, b) => compareGoStrings(a.key, b.key));
  } catch (err) {
    if (err instanceof SyntaxFailure) throw badRequest(err.message);
    throw err;
  }
}
