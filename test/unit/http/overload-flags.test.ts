import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration, parseOverloadFlags } from '../../../server/http/overload-flags.js';
import { parseCli, UsageError } from '../../../server/cli.js';

describe('overload flags', () => {
  const durations: [string, number | undefined][] = [
    ['60s', 60_000], ['1m0s', 60_000], ['500ms', 500], ['1h', 3_600_000], ['1.5s', 1_500], ['2m30s', 150_000], ['0', 0],
    ['60', undefined], ['s', undefined], ['1d', undefined], ['1m x', undefined], ['', undefined],
  ];
  for (const [text, ms] of durations) it(`reads the duration "${text}"`, () => assert.equal(parseDuration(text), ms));

  const fail = (message: string): never => {
    throw new UsageError(message);
  };

  it('leaves absent flags out and reads given ones, from flags or the environment', () => {
    assert.deepEqual(parseOverloadFlags(() => undefined, fail), {});
    const given: Record<string, string> = { 'max-requests-inflight': '10', MIMIKUBE_MAX_MUTATING_REQUESTS_INFLIGHT: '0', 'request-timeout': '2s' };
    assert.deepEqual(parseOverloadFlags((flag, variable) => given[flag] ?? given[variable], fail), {
      maxRequestsInFlight: 10, maxMutatingRequestsInFlight: 0, requestTimeoutMs: 2_000,
    });
  });

  it('refuses bad values as usage errors', () => {
    assert.throws(() => parseOverloadFlags((flag) => (flag === 'max-requests-inflight' ? '-1' : undefined), fail), /non-negative integer/);
    assert.throws(() => parseOverloadFlags((flag) => (flag === 'request-timeout' ? 'soon' : undefined), fail), /a duration such as 60s/);
  });
});

describe('the CLI', () => {
  it('passes the limits on to the server options', () => {
    const result = parseCli(['--max-requests-inflight', '5', '--request-timeout', '1m0s'], {});
    assert.equal(result.help, false);
    if (!result.help) assert.deepEqual(result.options.overload, { maxRequestsInFlight: 5, requestTimeoutMs: 60_000 });
    assert.throws(() => parseCli(['--request-timeout', 'forever'], {}), UsageError);
  });
});
