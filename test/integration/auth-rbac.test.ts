import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startServer } from '../../server/index.js';
import { Api, startTestServer, type TestServer } from '../helpers/api.js';
import { chunkedWatch } from '../helpers/watch-client.js';
import { scratchDir } from '../helpers/scratch.js';

/** Authentication and RBAC over real HTTP: tokens from a file, roles and bindings created through the API. */

const dir = scratchDir('mimikube-auth-');
const tokenFile = join(dir, 'tokens.csv');
writeFileSync(tokenFile, 'admin-token,admin,1,system:masters\nalice-token,alice,2,"dev"\n');

let server: TestServer;
let admin: Api;
let alice: Api;
let anonymous: Api;
before(async () => {
  const running = await startServer({ port: 0, db: ':memory:', controllers: false, auth: { tokenAuthFile: tokenFile, authorizationMode: 'RBAC' } });
  server = { ...running, api: new Api(running.url) };
  admin = new Api(server.url, { authorization: 'Bearer admin-token' });
  alice = new Api(server.url, { authorization: 'Bearer alice-token' });
  anonymous = server.api;
});
after(() => server.close());

const rbac = '/apis/rbac.authorization.k8s.io/v1';

test('anonymous requests see health and version only', async () => {
  assert.equal((await anonymous.get('/healthz')).text, 'ok');
  assert.equal((await anonymous.get('/version')).status, 200);
  const discovery = await anonymous.get('/api');
  assert.equal(discovery.status, 403);
  assert.deepEqual(discovery.body, {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403, details: {},
    message: 'forbidden: User "system:anonymous" cannot get path "/api"',
  });
  assert.equal((await anonymous.get('/api/v1/namespaces/default/pods')).body.message,
    'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
});

test('a token nobody issued is 401 even where anonymous requests are allowed', async () => {
  for (const header of ['Bearer wrong', 'Bearer admin-token-x']) {
    const res = await anonymous.get('/healthz', { authorization: header });
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  }
});

test('system:masters may do anything; authenticated users discover the API but need RBAC for resources', async () => {
  assert.equal((await admin.get('/api/v1/nodes')).status, 200);
  assert.equal((await alice.get('/apis')).status, 200);
  const nodes = await alice.get('/api/v1/nodes');
  assert.equal(nodes.status, 403);
  assert.equal(nodes.body.message, 'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope');
  assert.deepEqual(nodes.body.details, { kind: 'nodes' });
  const pod = await alice.get('/api/v1/namespaces/default/pods/p1');
  assert.equal(pod.body.message, 'pods "p1" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"');
  assert.deepEqual(pod.body.details, { name: 'p1', kind: 'pods' });
});

test('a Role and RoleBinding created through the API take effect at once, and their deletion revokes them', async () => {
  await admin.post('/api/v1/namespaces', { metadata: { name: 'team' } });
  assert.equal((await admin.post(`${rbac}/namespaces/team/roles`, {
    metadata: { name: 'cm-editor' }, rules: [{ verbs: ['get', 'list', 'watch', 'create'], apiGroups: [''], resources: ['configmaps'] }],
  })).status, 201);
  assert.equal((await alice.get('/api/v1/namespaces/team/configmaps')).status, 403);
  assert.equal((await admin.post(`${rbac}/namespaces/team/rolebindings`, {
    metadata: { name: 'devs' }, roleRef: { kind: 'Role', name: 'cm-editor' }, subjects: [{ kind: 'Group', name: 'dev' }],
  })).status, 201);
  assert.equal((await alice.post('/api/v1/namespaces/team/configmaps', { metadata: { name: 'c1' } })).status, 201);
  assert.equal((await alice.get('/api/v1/namespaces/team/configmaps')).status, 200);
  assert.equal((await alice.delete('/api/v1/namespaces/team/configmaps/c1')).body.message,
    'configmaps "c1" is forbidden: User "alice" cannot delete resource "configmaps" in API group "" in the namespace "team"');
  assert.equal((await alice.get('/api/v1/namespaces/default/configmaps')).status, 403);
  assert.equal((await admin.delete(`${rbac}/namespaces/team/rolebindings/devs`)).status, 200);
  assert.equal((await alice.get('/api/v1/namespaces/team/configmaps')).status, 403);
});

test('a binding to a missing role says so in the 403', async () => {
  await admin.post(`${rbac}/namespaces/default/rolebindings`, {
    metadata: { name: 'dangling' }, roleRef: { kind: 'Role', name: 'nope' }, subjects: [{ kind: 'User', name: 'alice' }],
  });
  assert.equal((await alice.get('/api/v1/namespaces/default/secrets')).body.message,
    'secrets is forbidden: User "alice" cannot list resource "secrets" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "nope" not found');
});

test('watches over chunked HTTP are authorized before the stream starts', async (t) => {
  await admin.post(`${rbac}/clusterroles`, { metadata: { name: 'pod-watcher' }, rules: [{ verbs: ['watch'], apiGroups: [''], resources: ['pods'] }] });
  await admin.post(`${rbac}/namespaces/team/rolebindings`, {
    metadata: { name: 'alice-watch' }, roleRef: { kind: 'ClusterRole', name: 'pod-watcher' }, subjects: [{ kind: 'User', name: 'alice' }],
  });
  const refused = await alice.get('/api/v1/namespaces/default/pods?watch=true');
  assert.equal(refused.status, 403);
  assert.equal(refused.body.message, 'pods is forbidden: User "alice" cannot watch resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "nope" not found');
  const watch = await chunkedWatch(server.url, '/api/v1/namespaces/team/pods?watch=true', { authorization: 'Bearer alice-token' });
  t.after(() => watch.close());
  await admin.post('/api/v1/namespaces/team/pods', { metadata: { name: 'p1' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const [event] = await watch.waitForCount(1);
  assert.equal(event.object.metadata.name, 'p1');
});

/** Opens a WebSocket watch; resolves with the socket, or with the status code of a refused upgrade. */
function upgrade(path: string, options: { headers?: Record<string, string>; protocols?: string[] } = {}): Promise<{ socket?: WebSocket; status?: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url.replace('http', 'ws') + path, options.protocols ?? [], { headers: options.headers });
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode, body }));
    });
    socket.on('error', reject);
  });
}

test('WebSocket upgrades are authenticated and authorized too', async () => {
  const path = '/api/v1/namespaces/team/pods?watch=true';
  const bad = await upgrade(path, { headers: { authorization: 'Bearer wrong' } });
  assert.equal(bad.status, 401);
  assert.equal(JSON.parse(bad.body!).reason, 'Unauthorized');
  const anon = await upgrade(path);
  assert.equal(anon.status, 403);
  assert.equal(JSON.parse(anon.body!).message, 'pods is forbidden: User "system:anonymous" cannot watch resource "pods" in API group "" in the namespace "team"');
  const elsewhere = await upgrade('/api/v1/namespaces/default/pods?watch=true', { headers: { authorization: 'Bearer alice-token' } });
  assert.equal(elsewhere.status, 403);
  const allowed = await upgrade(path, { headers: { authorization: 'Bearer alice-token' } });
  assert.ok(allowed.socket);
  allowed.socket.close();
  const viaProtocol = Buffer.from('alice-token').toString('base64url');
  const byProtocol = await upgrade(path, { protocols: ['base64.binary.k8s.io', `base64url.bearer.authorization.k8s.io.${viaProtocol}`] });
  assert.equal(byProtocol.socket?.protocol, 'base64.binary.k8s.io');
  byProtocol.socket!.close();
});

test('SelfSubjectAccessReview answers from the authorizer for the caller; anonymous callers may not ask', async () => {
  const review = (spec: unknown) => ({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec });
  const path = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
  const yes = await alice.post(path, review({ resourceAttributes: { namespace: 'team', verb: 'watch', resource: 'pods' } }));
  assert.equal(yes.status, 201);
  assert.deepEqual(yes.body.status, { allowed: true, reason: 'RBAC: allowed by RoleBinding "alice-watch/team" of ClusterRole "pod-watcher" to User "alice"' });
  const no = await alice.post(path, review({ resourceAttributes: { verb: 'list', resource: 'nodes' } }));
  assert.deepEqual(no.body.status, { allowed: false });
  assert.deepEqual((await alice.post(path, review({ nonResourceAttributes: { verb: 'get', path: '/apis/apps' } }))).body.status.allowed, true);
  assert.deepEqual((await admin.post(path, review({ resourceAttributes: { verb: 'delete', resource: 'nodes' } }))).body.status, { allowed: true });
  const invalid = await alice.post(path, review({}));
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.message, 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
  assert.equal((await admin.get(path)).status, 405);
  assert.equal((await anonymous.post(path, review({ resourceAttributes: { verb: 'get', resource: 'pods' } }))).body.message,
    'selfsubjectaccessreviews.authorization.k8s.io is forbidden: User "system:anonymous" cannot create resource "selfsubjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope');
});

test('with --anonymous-auth=false a request without credentials is 401', async (t) => {
  const closed = await startTestServer(t, { controllers: false, auth: { tokenAuthFile: tokenFile, anonymousAuth: false } });
  assert.equal((await closed.api.get('/healthz')).status, 401);
  assert.equal((await new Api(closed.url, { authorization: 'Bearer alice-token' }).get('/api/v1/nodes')).status, 200);
});

test('the default stays open on loopback, and a non-loopback address is refused without authentication', async (t) => {
  const open = await startTestServer(t, { controllers: false });
  assert.equal((await open.api.get('/api/v1/nodes')).status, 200);
  assert.deepEqual((await open.api.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } },
  })).body.status, { allowed: true });
  await assert.rejects(startServer({ port: 0, db: ':memory:', controllers: false, host: '0.0.0.0' }),
    /refusing to serve 0\.0\.0\.0 without authentication: .* or pass --insecure-allow-open-access to serve it open anyway/);
  await assert.rejects(startServer({ port: 0, db: ':memory:', controllers: false, host: '0.0.0.0', auth: { tokenAuthFile: tokenFile } }),
    /refusing to serve 0\.0\.0\.0/);
});
