import { parseQuantity } from '../registry/strategies/quantity.js';

const DECIMAL_SUFFIX: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 1_000_000_000n;

/** A value in nano-units as mantissa × 10^exponent, the exponent a multiple of three (AsCanonicalBytes). */
function decimalParts(nanos: bigint): [bigint, number] {
  let amount = nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rem = ((exponent % 3) + 3) % 3;
  if (rem === 1) return [amount * 10n, exponent - 1];
  if (rem === 2) return [amount * 100n, exponent - 2];
  return [amount, exponent];
}

/**
 * resource.Quantity.String(): the canonical form a quantity is printed in. The suffix family written decides the
 * format; binary quantities below 1024 or with a fraction print as decimal, and an unparseable value is Go's zero.
 */
export function canonicalQuantity(q: unknown): string {
  const text = typeof q === 'number' ? String(q) : typeof q === 'string' ? q.trim() : '';
  const nanos = parseQuantity(text) ?? 0n;
  if (nanos === 0n) return '0';
  const binary = /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text);
  if (binary && (nanos <= -1024n * NANO || nanos >= 1024n * NANO) && nanos % NANO === 0n) {
    let amount = nanos / NANO;
    let power = 0;
    while (amount % 1024n === 0n && power < BINARY_SUFFIX.length - 1) {
      amount /= 1024n;
      power++;
    }
    return `${amount}${BINARY_SUFFIX[power]}`;
  }
  const [amount, exponent] = decimalParts(nanos);
  const exponentForm = !binary && /\d[eE][+-]?\d+$/.test(text);
  if (exponentForm) return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = DECIMAL_SUFFIX[exponent];
  return suffix === undefined ? `${amount}e${exponent}` : `${amount}${suffix}`;
}
