import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/api.js';
import { waitFor } from '../helpers/wait.js';
import { Prng } from '../fuzz/prng.js';
import { runRmwContention } from '../stress/concurrency.js';

test('clients racing read-modify-write on the same objects lose no update; every loser is refused and wins on retry', { timeout: 60_000 }, async (t) => {
  const server = await startTestServer(t, { controllers: false });
  const report = await runRmwContention(server.api, { clients: 8, rounds: 25, objects: 2, seed: 4242 });
  assert.deepEqual(report.violations, []);
  assert.equal(report.successes, 200);
  assert.equal(report.finalTotal, 200, 'no update lost');
  assert.ok(report.conflicts + report.failedTests > 0, 'the clients did collide');
});

const RC = '/api/v1/namespaces/default/replicationcontrollers';
const PODS = '/api/v1/namespaces/default/pods';

async function livePods(server: TestServer): Promise<any[]> {
  const items = (await server.api.get(`${PODS}?labelSelector=app%3Dracer`)).body.items as any[];
  return items.filter((p) => !p.metadata.deletionTimestamp);
}

test('a ReplicationController whose pods clients patch and delete concurrently still converges', { timeout: 90_000 }, async (t) => {
  const server = await startTestServer(t, { simulation: { nodes: 2, podTerminationDelayMs: 0 } });
  const created = await server.api.post(RC, {
    metadata: { name: 'racer' },
    spec: { replicas: 5, selector: { app: 'racer' }, template: { metadata: { labels: { app: 'racer' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  assert.equal(created.status, 201);
  await waitFor('5 pods', async () => (await livePods(server)).length === 5, 30_000);

  const rng = new Prng(77);
  let deleted = 0;
  let patched = 0;
  const chaos = async () => {
    for (let i = 0; i < 15; i++) {
      const pods = await livePods(server);
      if (pods.length === 0) continue;
      const pod = rng.pick(pods);
      const path = `${PODS}/${pod.metadata.name}`;
      if (rng.chance(0.4)) {
        const res = await server.api.delete(path, { gracePeriodSeconds: 0, preconditions: { resourceVersion: pod.metadata.resourceVersion } });
        assert.ok([200, 404, 409].includes(res.status), `delete: ${res.status} ${res.text}`);
        if (res.status === 200) deleted++;
      } else {
        // The controllers write these pods too: a stale resourceVersion must be refused, never overwrite theirs.
        const res = await server.api.patch(path, { metadata: { resourceVersion: pod.metadata.resourceVersion, annotations: { touched: String(i) } } });
        assert.ok([200, 404, 409].includes(res.status), `patch: ${res.status} ${res.text}`);
        if (res.status === 409) assert.equal(res.body.reason, 'Conflict');
        if (res.status === 200) patched++;
      }
    }
  };
  // Meanwhile the RC itself is rescaled by read-modify-write, racing the controller's status writes.
  const rescale = async () => {
    for (const replicas of [6, 4, 5]) {
      for (;;) {
        const rc = (await server.api.get(`${RC}/racer`)).body;
        const res = await server.api.put(`${RC}/racer`, { ...rc, spec: { ...rc.spec, replicas } });
        if (res.status === 200) break;
        assert.equal(res.status, 409, res.text);
      }
    }
  };
  await Promise.all([chaos(), chaos(), chaos(), rescale()]);
  assert.ok(deleted > 0 && patched > 0, `deleted ${deleted}, patched ${patched}`);

  await waitFor('the RC to converge on 5 ready pods', async () => {
    const rc = (await server.api.get(`${RC}/racer`)).body;
    const pods = await livePods(server);
    return rc.spec.replicas === 5 && rc.status?.replicas === 5 && rc.status?.readyReplicas === 5 && pods.length === 5 &&
      pods.every((p) => p.status?.phase === 'Running' && p.metadata.ownerReferences?.[0]?.uid === rc.metadata.uid);
  }, 30_000);
});
