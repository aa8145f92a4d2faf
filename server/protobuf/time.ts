/** seconds + nanos since the epoch, the wire shape of meta/v1 Time and MicroTime. */
export interface Timestamp {
  seconds: number;
  nanos: number;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** Time as JSON writes it: RFC 3339 in UTC, whole seconds (`2006-01-02T15:04:05Z`). */
export function formatTime(seconds: number): string {
  return `${isoSeconds(seconds)}Z`;
}

/** MicroTime as JSON writes it: RFC 3339 in UTC with exactly six fractional digits. */
export function formatMicroTime({ seconds, nanos }: Timestamp): string {
  const micros = Math.floor(nanos / 1000);
  return `${isoSeconds(seconds)}.${String(micros).padStart(6, '0')}Z`;
}

/** An RFC 3339 timestamp (any offset, any fraction) as seconds and nanos; undefined when it is not one. */
export function parseTimestamp(text: string): Timestamp | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, base, fraction, zone] = match;
  const millis = Date.parse(`${base}${zone.toUpperCase()}`);
  if (Number.isNaN(millis)) return undefined;
  return { seconds: Math.floor(millis / 1000), nanos: fraction ? Number(fraction.padEnd(9, '0')) : 0 };
}
