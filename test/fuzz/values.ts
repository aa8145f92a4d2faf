import type { Prng } from './prng.js';

/** Strings that break naive code: empty, huge, control characters, lone surrogates, other scripts, injections. */
export function nastyString(rng: Prng): string {
  switch (rng.int(0, 11)) {
    case 0: return '';
    case 1: return 'x'.repeat(rng.pick([253, 254, 64, 63, 100_000]));
    case 2: return '\u0000\u0001\u001f\u007f';
    case 3: return '\ud800'; // a lone surrogate
    case 4: return '日本語のテキスト🚀🧪' + '\u202e' + 'مرحبا';
    case 5: return '../../etc/passwd';
    case 6: return "'; DROP TABLE objects; --";
    case 7: return '{{.}}${x}%s%n%d';
    case 8: return ' leading and trailing ';
    case 9: return 'a'.repeat(rng.int(1, 10)) + '\n' + 'b';
    case 10: return 'Ａ'.repeat(rng.int(1, 70)); // fullwidth letters
    default: return String.fromCodePoint(rng.int(0x20, 0x10ffff));
  }
}

/** Values of the wrong JSON type, or at the edges of their type. */
export function wrongValue(rng: Prng): unknown {
  switch (rng.int(0, 12)) {
    case 0: return null;
    case 1: return true;
    case 2: return -1;
    case 3: return 2 ** 53 + 1;
    case 4: return 1.5;
    case 5: return 1e308;
    case 6: return [];
    case 7: return {};
    case 8: return [nastyString(rng)];
    case 9: return { [nastyString(rng)]: nastyString(rng) };
    case 10: return '12';
    case 11: return -0;
    default: return nastyString(rng);
  }
}

/** Names that DNS-1123 (subdomain or label) refuses, and a few it accepts at the edges. */
export function fuzzName(rng: Prng): string {
  return rng.pick([
    'UpperCase', 'under_score', '-leading-dash', 'trailing-dash-', 'dots..double', '.', '..', 'a/b', 'a%2Fb', 'a b',
    'x'.repeat(254), 'x'.repeat(253), 'x'.repeat(64), 'ünïcödé', '🚀', '', 'a\u0000b', 'valid-name', 'a.b.c', '0',
    `n${rng.int(0, 1e9)}`,
  ]);
}

/** Label keys and values that the label syntax refuses, and some it accepts at the edges. */
export function fuzzLabel(rng: Prng): [string, unknown] {
  return rng.pick<[string, unknown]>([
    ['', 'v'], ['a b', 'v'], ['k', 'a b'], ['k', 'x'.repeat(64)], ['x'.repeat(64), 'v'], ['Bad_Prefix!/k', 'v'],
    ['example.com/', 'v'], ['/k', 'v'], ['a/b/c', 'v'], ['k', '-v'], ['k', 'v-'], ['k', 7], ['k', null], ['k', ['v']],
    ['example.com/ok', 'ok'], ['k', ''], ['ü', 'v'], ['k', '🚀'], [`k${rng.int(0, 99)}`, 'x'.repeat(63)],
  ]);
}

/** A JSON text nested `depth` levels deep, as a DoS on recursive parsers and walkers. */
export function deepJson(depth: number, open = '[', close = ']'): string {
  return open.repeat(depth) + close.repeat(depth);
}
