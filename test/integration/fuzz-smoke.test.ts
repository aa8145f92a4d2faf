import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from '../fuzz/run-fuzz.js';

// A seeded slice of the fuzz suite (`npm run stress` runs many more cases): every bad request gets a 4xx Status
// and leaves the database as it was, valid ones read back, nothing gets a 5xx, hangs or crashes the server.
test('a few thousand structure-aware bad requests each get a 4xx Status and change nothing', { timeout: 120_000 }, async () => {
  const report = await runFuzz({ cases: 1200, seed: 20_260_101 });
  console.log(`fuzz smoke: ${report.cases} cases, ${report.refused} refused, ${report.accepted} accepted, statuses ${JSON.stringify(report.byStatus)}`);
  assert.deepEqual(report.violations.slice(0, 10), []);
  assert.equal(report.cases, 1200);
  assert.ok(report.refused > report.cases / 2, 'most cases are refused');
});
