import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, parseTimestamp, translateTimestampSince } from '../../../server/printers/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

// [upstream HumanDuration behaviour, duration in ms, text]
const cases: [string, number, string][] = [
  ['more than a second in the future is invalid', -2 * S, '<invalid>'],
  ['up to a second in the future is clock skew', -1.5 * S, '0s'],
  ['a fraction of a second in the future truncates to zero', -0.5 * S, '0s'],
  ['zero', 0, '0s'],
  ['seconds truncate', 1.9 * S, '1s'],
  ['seconds up to two minutes', 119 * S, '119s'],
  ['exactly two minutes drops the zero seconds', 2 * M, '2m'],
  ['minutes and seconds under ten minutes', 2 * M + 1 * S, '2m1s'],
  ['190 seconds', 190 * S, '3m10s'],
  ['last minutes-and-seconds value', 9 * M + 59 * S, '9m59s'],
  ['ten minutes prints minutes only', 10 * M + 30 * S, '10m'],
  ['minutes up to three hours', 179 * M + 59 * S, '179m'],
  ['exactly three hours', 3 * H, '3h'],
  ['hours and minutes under eight hours', 3 * H + 1 * M, '3h1m'],
  ['last hours-and-minutes value', 7 * H + 59 * M, '7h59m'],
  ['eight hours prints hours only', 8 * H + 30 * M, '8h'],
  ['hours up to two days', 47 * H + 59 * M, '47h'],
  ['exactly two days', 48 * H, '2d'],
  ['days and hours under eight days', 49 * H, '2d1h'],
  ['last days-and-hours value', 7 * D + 23 * H, '7d23h'],
  ['eight days prints days only', 8 * D + 2 * H, '8d'],
  ['days up to two years', 729 * D + 23 * H, '729d'],
  ['exactly two years', 2 * Y, '2y'],
  ['years and days under eight years', 2 * Y + 333 * D, '2y333d'],
  ['two years and a day', 2 * Y + 1 * D + 1 * H, '2y1d'],
  ['eight years prints years only', 8 * Y + 2 * H, '8y'],
  ['years beyond eight', 15 * Y + 100 * D, '15y'],
];

for (const [name, ms, text] of cases) {
  test(`HumanDuration: ${name}`, () => {
    assert.equal(humanDuration(ms), text);
  });
}

const NOW = Date.parse('2024-06-01T12:00:00Z');

// [upstream translateTimestampSince behaviour, timestamp, text]
const since: [string, string | null | undefined, string][] = [
  ['a missing timestamp is unknown', undefined, '<unknown>'],
  ['a null timestamp is unknown', null, '<unknown>'],
  ['an empty timestamp is unknown', '', '<unknown>'],
  ["Go's zero time is unknown", '0001-01-01T00:00:00Z', '<unknown>'],
  ['an RFC 3339 timestamp', '2024-06-01T11:00:00Z', '60m'],
  ['a MicroTime timestamp', '2024-06-01T11:59:30.123456Z', '29s'],
  ['a timestamp with an offset', '2024-06-01T13:00:00+02:00', '60m'],
  ['a timestamp in the future', '2024-06-01T12:00:05Z', '<invalid>'],
];

for (const [name, ts, text] of since) {
  test(`translateTimestampSince: ${name}`, () => {
    assert.equal(translateTimestampSince(ts, NOW), text);
  });
}

test('translateTimestampSince: accepts epoch milliseconds', () => {
  assert.equal(translateTimestampSince(NOW - 5 * M, NOW), '5m');
});

test('parseTimestamp: unparseable text reads as unset', () => {
  assert.equal(parseTimestamp('yesterday'), undefined);
});
