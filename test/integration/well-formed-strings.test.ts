import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rawRequest, startTestServer } from '../helpers/api.js';

const CLUSTER_ROLES = '/apis/rbac.authorization.k8s.io/v1/clusterroles';

// Upstream's JSON decoder turns a lone UTF-16 surrogate into U+FFFD; before, such a name was stored as sent and could
// not be put in a URL to read the object back (a crash of the stress suite's fuzz judge).
test('a lone surrogate in a JSON body is stored as U+FFFD, and the object reads back by its name', async (t) => {
  const { api } = await startTestServer(t);
  const created = await api.post(CLUSTER_ROLES, { metadata: { name: 'a\ud800b', annotations: { note: 'x\udc00y' } } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.metadata.name, 'a\ufffdb');
  assert.equal(created.body.metadata.annotations.note, 'x\ufffdy');
  const back = await api.get(`${CLUSTER_ROLES}/${encodeURIComponent('a\ufffdb')}`);
  assert.equal(back.status, 200, back.text);
  assert.equal(back.body.metadata.resourceVersion, created.body.metadata.resourceVersion);
});

test('a YAML body is decoded the same way, and a surrogate pair is kept', async (t) => {
  const server = await startTestServer(t);
  const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  annotations:\n    lone: "p\\ud800q"\n    pair: "\\ud83d\\ude00"\n';
  const res = await rawRequest(`${server.url}/api/v1/namespaces/default/configmaps`, 'POST', yaml, { 'Content-Type': 'application/yaml' });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.body.metadata.annotations, { lone: 'p\ufffdq', pair: '\ud83d\ude00' });
});
