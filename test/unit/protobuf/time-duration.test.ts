import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, parseDuration } from '../../../server/protobuf/duration.js';
import { formatMicroTime, formatTime, parseTimestamp } from '../../../server/protobuf/time.js';

// Go's time.Duration.String() for these values.
const durations: Array<[number, string]> = [
  [0, '0s'],
  [1, '1ns'],
  [999, '999ns'],
  [1500, '1.5µs'],
  [150e6, '150ms'],
  [1.5e9, '1.5s'],
  [60e9, '1m0s'],
  [90e9, '1m30s'],
  [3600e9, '1h0m0s'],
  [3723.5e9, '1h2m3.5s'],
  [-90e9, '-1m30s'],
];

for (const [nanos, text] of durations) {
  test(`formatDuration(${nanos}) is ${text}, and reads back`, () => {
    assert.equal(formatDuration(nanos), text);
    assert.equal(parseDuration(text), nanos);
  });
}

for (const [text, nanos] of [['1h30m', 5400e9], ['.5s', 0.5e9], ['1.5h', 5400e9], ['300us', 300e3], ['2μs', 2e3], ['+5m', 300e9], ['0', 0]] as const) {
  test(`parseDuration("${text}") is ${nanos}`, () => assert.equal(parseDuration(text), nanos));
}

for (const bad of ['', '5', 'h', '.s', '1x', '1h 2m', '-']) {
  test(`parseDuration refuses "${bad}"`, () => assert.equal(parseDuration(bad), undefined));
}

test('Time is RFC 3339 in UTC with whole seconds; MicroTime has exactly six fractional digits', () => {
  assert.equal(formatTime(1714979289), '2024-05-06T07:08:09Z');
  assert.equal(formatMicroTime({ seconds: 1714979289, nanos: 123456789 }), '2024-05-06T07:08:09.123456Z');
  assert.equal(formatMicroTime({ seconds: 1714979289, nanos: 0 }), '2024-05-06T07:08:09.000000Z');
});

const timestamps: Array<[string, ReturnType<typeof parseTimestamp>]> = [
  ['2024-05-06T07:08:09Z', { seconds: 1714979289, nanos: 0 }],
  ['2024-05-06T07:08:09.5Z', { seconds: 1714979289, nanos: 500000000 }],
  ['2024-05-06T07:08:09.123456Z', { seconds: 1714979289, nanos: 123456000 }],
  ['2024-05-06T09:08:09+02:00', { seconds: 1714979289, nanos: 0 }],
  ['not a time', undefined],
  ['2024-05-06 07:08:09Z', undefined],
];

for (const [text, want] of timestamps) {
  test(`parseTimestamp("${text}")`, () => assert.deepEqual(parseTimestamp(text), want));
}
