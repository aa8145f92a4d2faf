import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesRevision, maxRevision, revisionData, revisionsToPrune, revisionToKeep } from '../../../../controllers/daemonset/revision.js';
import type { DaemonSet, Revision } from '../../../../controllers/daemonset/types.js';

const ds = (image = 'i'): DaemonSet => ({
  metadata: { name: 'ds' },
  spec: { template: { metadata: { labels: { app: 'x' }, creationTimestamp: null }, spec: { containers: [{ name: 'c', image, resources: {} }], restartPolicy: 'Always' } } },
}) as DaemonSet;

const rev = (name: string, revision: number, hash = name, data: unknown = {}): Revision =>
  ({ metadata: { name, labels: { 'controller-revision-hash': hash } }, revision, data }) as Revision;

test('revisionData (getPatch): the whole template under spec, `$patch: replace`, keys sorted as Go writes a map', () => {
  const data = revisionData(ds());
  assert.equal(
    JSON.stringify(data),
    '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"x"}},"spec":{"containers":[{"image":"i","name":"c","resources":{}}],"restartPolicy":"Always"}}}}',
  );
});

test('matchesRevision (Match): equal data, whatever the key order; another template does not match', () => {
  assert.equal(matchesRevision(ds(), rev('r', 1, 'r', revisionData(ds()))), true);
  const reordered = { spec: { template: { spec: { restartPolicy: 'Always', containers: [{ resources: {}, name: 'c', image: 'i' }] }, metadata: { labels: { app: 'x' }, creationTimestamp: null }, $patch: 'replace' } } };
  assert.equal(matchesRevision(ds(), rev('r', 1, 'r', reordered)), true);
  assert.equal(matchesRevision(ds('j'), rev('r', 1, 'r', revisionData(ds()))), false);
});

test('maxRevision / revisionToKeep (dedupCurHistories keeps the highest revision)', () => {
  assert.equal(maxRevision([]), 0);
  assert.equal(maxRevision([rev('a', 3), rev('b', 7), rev('c', 5)]), 7);
  assert.equal(revisionToKeep([rev('a', 3), rev('b', 7), rev('c', 5)]).metadata.name, 'b');
  assert.equal(revisionToKeep([rev('a', 2), rev('b', 2)]).metadata.name, 'b', 'a tie keeps the later one');
});

test('revisionsToPrune (cleanupHistory): oldest first beyond the limit, skipping hashes still on pods', () => {
  const old = [rev('r5', 5), rev('r1', 1), rev('r3', 3), rev('r2', 2), rev('r4', 4)];
  const names = (rs: Revision[]) => rs.map((r) => r.metadata.name);
  assert.deepEqual(names(revisionsToPrune(old, 10, new Set())), [], 'within the limit');
  assert.deepEqual(names(revisionsToPrune(old, 2, new Set())), ['r1', 'r2', 'r3']);
  assert.deepEqual(names(revisionsToPrune(old, 2, new Set(['r1', 'r3']))), ['r2', 'r4', 'r5'], 'live revisions are skipped, newer ones go instead');
  assert.deepEqual(names(revisionsToPrune(old, 0, new Set(['r1', 'r2', 'r3', 'r4', 'r5']))), [], 'all live: nothing goes even at limit 0');
});
