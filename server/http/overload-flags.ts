import type { OverloadLimits } from './overload.js';

/** kube-apiserver's flags for its in-flight limits and request timeout, with the environment variables read too. */
export const OVERLOAD_FLAGS = {
  'max-requests-inflight': { type: 'string' },
  'max-mutating-requests-inflight': { type: 'string' },
  'request-timeout': { type: 'string' },
} as const;

export const OVERLOAD_USAGE = `
Load (flag names as kube-apiserver's):
  --max-requests-inflight <n>           non-mutating requests served at once, beyond which 429 (default 400;
                                        0 = no limit) (MIMIKUBE_MAX_REQUESTS_INFLIGHT)
  --max-mutating-requests-inflight <n>  mutating requests served at once (default 200; 0 = no limit)
                                        (MIMIKUBE_MAX_MUTATING_REQUESTS_INFLIGHT)
  --request-timeout <duration>          how long a request may take to arrive, then to be answered: 500ms, 60s,
                                        1m0s (default 60s; 0 = none) (MIMIKUBE_REQUEST_TIMEOUT)
`;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration (`1m30s`, `500ms`, `2s`) in milliseconds, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNIT_MS[unit], 0));
}

/** Reads the flags; `fail` reports a bad value as a usage error. Absent flags are left out. */
export function parseOverloadFlags(
  pick: (flag: keyof typeof OVERLOAD_FLAGS, variable: string) => string | undefined,
  fail: (message: string) => never,
): Partial<OverloadLimits> {
  const count = (flag: keyof typeof OVERLOAD_FLAGS, variable: string): number | undefined => {
    const text = pick(flag, variable);
    if (text === undefined || text === '') return undefined;
    if (!/^\d+$/.test(text)) fail(`--${flag} must be a non-negative integer, got "${text}"`);
    return Number(text);
  };
  const limits: Partial<OverloadLimits> = {};
  const reads = count('max-requests-inflight', 'MIMIKUBE_MAX_REQUESTS_INFLIGHT');
  if (reads !== undefined) limits.maxRequestsInFlight = reads;
  const writes = count('max-mutating-requests-inflight', 'MIMIKUBE_MAX_MUTATING_REQUESTS_INFLIGHT');
  if (writes !== undefined) limits.maxMutatingRequestsInFlight = writes;
  const timeout = pick('request-timeout', 'MIMIKUBE_REQUEST_TIMEOUT');
  if (timeout !== undefined && timeout !== '') {
    const ms = parseDuration(timeout);
    if (ms === undefined) fail(`--request-timeout must be a duration such as 60s or 1m0s, got "${timeout}"`);
    limits.requestTimeoutMs = ms;
  }
  return limits;
}
