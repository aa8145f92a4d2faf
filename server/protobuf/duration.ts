const NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5, what Go prints
  'μs': 1e3, // U+03BC, which Go also reads
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const TERM = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;

/** `1.5` from 1500 with 3 digits of fraction; trailing zeros dropped, as Go's fmtFrac does. */
function withFraction(value: number, digits: number): string {
  const scale = 10 ** digits;
  const whole = Math.floor(value / scale);
  const fraction = String(value % scale).padStart(digits, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A duration in nanoseconds spelled the way Go's time.Duration.String() spells it (`1h2m3.5s`, `150ms`, `0s`). */
export function formatDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  const abs = Math.abs(nanos);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${withFraction(abs, 3)}µs`;
  if (abs < 1e9) return `${sign}${withFraction(abs, 6)}ms`;
  let text = `${withFraction(abs % 60e9, 9)}s`;
  const minutes = Math.floor(abs / 60e9);
  if (minutes > 0) {
    text = `${minutes % 60}m${text}`;
    const hours = Math.floor(minutes / 60);
    if (hours > 0) text = `${hours}h${text}`;
  }
  return sign + text;
}

/** Go's time.ParseDuration: a sign, then number-unit terms (`1h30m`, `.5s`); undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const match = TERM.exec(rest);
    if (!match || (match[1] === '' && !match[2])) return undefined;
    const [, whole, fraction = '', unit] = match;
    total += Number(whole || '0') * NANOS[unit] + (fraction ? Math.round(Number(`0.${fraction}`) * NANOS[unit]) : 0);
  }
  return sign * total;
}
