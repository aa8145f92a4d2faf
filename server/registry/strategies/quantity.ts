/**
 * resource.Quantity, reduced to what admission needs: parsing upstream's serialized forms and comparing values.
 * Values are kept as exact integers of nano-units (upstream's smallest scale), rounded up like upstream's
 * conversion to a smaller scale.
 */

const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d+))?$/;

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const BINARY_EXP: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * Pods repeat a handful of quantities ("100m", "128Mi") thousands of times and admission parses each several times;
 * remembering recent texts spares the BigInt arithmetic. Cleared when full, so its size stays bounded.
 */
const parsed = new Map<string, bigint | undefined>();
const MAX_REMEMBERED = 4096;

/** The value in nano-units, or undefined when `q` is not a quantity upstream would decode. */
export function parseQuantity(q: string | number): bigint | undefined {
  const text = typeof q === 'number' ? String(q) : q.trim();
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= MAX_REMEMBERED) parsed.clear();
  const value = parseQuantityText(text);
  parsed.set(text, value);
  return value;
}

function parseQuantityText(text: string): bigint | undefined {
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const [, sign, number, binary, decimal, exponent] = m;
  const [whole, fraction = ''] = number.split('.');
  let numerator = BigInt(`${whole || '0'}${fraction}`);
  let scale = -fraction.length + 9;
  if (binary) numerator <<= BINARY_EXP[binary];
  else if (decimal) scale += DECIMAL_EXP[decimal];
  else if (exponent) scale += Number(exponent);
  const nanos = scale >= 0 ? numerator * 10n ** BigInt(scale) : ceilDiv(numerator, 10n ** BigInt(-scale));
  return sign === '-' ? -nanos : nanos;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** -1, 0 or 1; unparseable quantities count as zero, the value Go would hold after a failed decode. */
export function compareQuantities(a: string | number, b: string | number): number {
  const x = parseQuantity(a) ?? 0n;
  const y = parseQuantity(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}
