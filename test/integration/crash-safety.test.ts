import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCrashCycles } from '../stress/crash-safety.js';
import { runStorageKills } from '../stress/storage-kill.js';

// Smoke runs of the crash-safety stress (`npm run stress` runs them much longer); seeded, so a failure replays.

test('SIGKILL during writes across kinds loses no acknowledged write, and watches resume without gaps', { timeout: 120_000 }, async () => {
  const report = await runCrashCycles({ cycles: 3, writers: 8, objectsPerWriter: 6, minRunMs: 150, maxRunMs: 600, seed: 9001 });
  assert.deepEqual(report.violations, []);
  assert.equal(report.cycles, 3);
  assert.ok(report.acknowledged > 50, `only ${report.acknowledged} writes were acknowledged`);
  assert.equal(report.verified, report.acknowledged);
  assert.equal(report.lost, 0);
});

test('SIGKILL during a compaction loses nothing and leaves the log usable', { timeout: 120_000 }, async () => {
  const report = await runStorageKills({ operation: 'compact', kills: 1, objects: 200, backlog: 150_000, seed: 9002 });
  assert.deepEqual(report.violations, []);
  assert.equal(report.lost, 0);
  assert.equal(report.objectsVerified, 200);
});

test('SIGKILL during a migration loses nothing; the next start completes it', { timeout: 120_000 }, async () => {
  const report = await runStorageKills({ operation: 'migrate', kills: 1, objects: 10_000, backlog: 0, seed: 9003 });
  assert.deepEqual(report.violations, []);
  assert.equal(report.lost, 0);
  assert.equal(report.objectsVerified, 10_000);
});
