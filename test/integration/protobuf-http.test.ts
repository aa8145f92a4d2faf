import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import WebSocket from 'ws';
import { RESOURCES } from '../../schemas/resources.js';
import { readFrames } from '../../server/protobuf/frames.js';
import { protobufCodec } from '../../server/protobuf/index.js';
import { startTestServer, useSharedServer } from '../helpers/api.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';
import { EventCollector } from '../helpers/watch-client.js';
import { FIXTURES } from '../fixtures/objects.js';
import { withoutEmpty } from '../unit/protobuf/normalize.js';

/** Protobuf on the wire, as client-go and kubectl speak it: bodies, responses, errors and watch streams. */
// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });
const codec = protobufCodec();
const PROTOBUF = 'application/vnd.kubernetes.protobuf';
/** What client-go's typed clientsets send. */
const CLIENT_GO_ACCEPT = `${PROTOBUF}, application/json`;

interface RawResponse {
  status: number;
  type: string;
  body: Buffer;
}

function request(method: string, path: string, body?: Uint8Array, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node sends a DELETE body neither chunked nor sized otherwise.
    const length = body ? { 'content-length': String(body.length) } : {};
    const req = http.request(shared().url + path, { method, headers: { accept: CLIENT_GO_ACCEPT, ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sendProtobuf = (method: string, path: string, obj: Record<string, unknown>) =>
  request(method, path, codec.encode(obj), { 'content-type': PROTOBUF });

function decoded(res: RawResponse): any {
  assert.equal(res.type, PROTOBUF, res.body.toString());
  return codec.decode(res.body).object;
}

/** Two objects made under different names compare equal once the names and server-set identity are neutral. */
function comparable(obj: any, name: string): unknown {
  const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, managedFields: _mf, ...metadata } = obj.metadata;
  return withoutEmpty(JSON.parse(JSON.stringify({ ...obj, metadata }).replaceAll(name, 'NAME')));
}

const withoutTypeMeta = ({ apiVersion: _a, kind: _k, ...rest }: any) => rest;

describe('every kind over protobuf', () => {
  RESOURCES.forEach((def, index) => {
    const fixture = FIXTURES[def.key];
    if (!fixture) return; // the round-trip unit test insists on a fixture for every kind
    const ns = `pb-${index}`;
    const collection = def.namespaced ? `${def.prefix}/namespaces/${ns}/${def.resource}` : `${def.prefix}/${def.resource}`;

    test(`${def.key}: a protobuf create stores what a JSON create stores; GET and LIST in protobuf read the stored object`, async () => {
      const api = shared().api;
      if (def.namespaced) assert.equal((await api.post('/api/v1/namespaces', { metadata: { name: ns } })).status, 201);
      const [jsonName, pbName] = [`json-${index}`, `proto-${index}`];
      assert.equal((await api.post(collection, fixture.make(jsonName, undefined, ns))).status, 201);
      const created = await sendProtobuf('POST', `${collection}?fieldManager=kubectl-create&fieldValidation=Strict`, fixture.make(pbName, undefined, ns));
      assert.equal(created.status, 201, created.body.toString());
      assert.equal(decoded(created).metadata.name, pbName);

      const viaJson = (await api.get(`${collection}/${jsonName}`)).body;
      const viaProtobuf = (await api.get(`${collection}/${pbName}`)).body;
      assert.deepEqual(comparable(viaProtobuf, pbName), comparable(viaJson, jsonName));

      const got = await request('GET', `${collection}/${pbName}`);
      assert.equal(got.status, 200);
      assert.deepEqual(withoutEmpty(decoded(got)), withoutEmpty(viaProtobuf));

      const list = decoded(await request('GET', `${collection}?fieldSelector=metadata.name%3D${pbName}`));
      assert.equal(list.kind, def.listKind);
      assert.ok(Number(list.metadata.resourceVersion) > 0);
      assert.deepEqual(list.items.map(withoutEmpty), [withoutEmpty(withoutTypeMeta(viaProtobuf))]);
    });
  });
});

test('update and status update with protobuf bodies', async () => {
  const path = '/apis/apps/v1/namespaces/default/deployments';
  const deployment = FIXTURES['deployments.apps'].make('pb-update');
  assert.equal((await shared().api.post(path, deployment)).status, 201);
  const current = (await shared().api.get(`${path}/pb-update`)).body;
  current.spec.replicas = 5;
  const updated = decoded(await sendProtobuf('PUT', `${path}/pb-update`, current));
  assert.equal(updated.spec.replicas, 5);
  const status = decoded(await sendProtobuf('PUT', `${path}/pb-update/status`, { ...updated, status: { replicas: 2, observedGeneration: 2 } }));
  assert.deepEqual([status.status.replicas, status.spec.replicas], [2, 5]);
});

test('subresources read protobuf bodies: scale, binding, eviction', async () => {
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  assert.equal((await shared().api.post(deployments, FIXTURES['deployments.apps'].make('pb-scale'))).status, 201);
  const scale = await sendProtobuf('PUT', `${deployments}/pb-scale/scale`, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'pb-scale' }, spec: { replicas: 7 } });
  assert.deepEqual([decoded(scale).kind, decoded(scale).spec.replicas], ['Scale', 7]);
  assert.equal((await shared().api.get(`${deployments}/pb-scale`)).body.spec.replicas, 7);

  const pods = '/api/v1/namespaces/default/pods';
  assert.equal((await shared().api.post('/api/v1/nodes', FIXTURES.nodes.make('pb-node'))).status, 201);
  assert.equal((await shared().api.post(pods, FIXTURES.pods.make('pb-pod'))).status, 201);
  const binding = await sendProtobuf('POST', `${pods}/pb-pod/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'pb-pod' }, target: { kind: 'Node', name: 'pb-node' } });
  assert.deepEqual([binding.status, decoded(binding).kind, decoded(binding).status], [201, 'Status', 'Success']);
  assert.equal((await shared().api.get(`${pods}/pb-pod`)).body.spec.nodeName, 'pb-node');

  assert.equal((await shared().api.post(pods, FIXTURES.pods.make('pb-evicted'))).status, 201);
  const eviction = await sendProtobuf('POST', `${pods}/pb-evicted/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'pb-evicted' }, deleteOptions: { gracePeriodSeconds: 0 } });
  assert.equal(eviction.status, 201, eviction.body.toString());
  assert.equal((await shared().api.get(`${pods}/pb-evicted`)).status, 404);
});

test('DELETE reads protobuf DeleteOptions (kubectl drain falls back to them)', async () => {
  const path = '/api/v1/namespaces/default/configmaps';
  assert.equal((await shared().api.post(path, FIXTURES.configmaps.make('pb-delete'))).status, 201);
  const options = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'DeleteOptions', ...extra });
  const dryRun = await sendProtobuf('DELETE', `${path}/pb-delete`, options({ dryRun: ['All'] }));
  assert.equal(dryRun.status, 200);
  assert.equal((await shared().api.get(`${path}/pb-delete`)).status, 200, 'a dry run leaves the object');
  const stale = decoded(await sendProtobuf('DELETE', `${path}/pb-delete`, options({ preconditions: { uid: 'not-its-uid' } })));
  assert.deepEqual([stale.kind, stale.code, stale.reason], ['Status', 409, 'Conflict']);
  const deleted = decoded(await sendProtobuf('DELETE', `${path}/pb-delete`, options({ gracePeriodSeconds: 0 })));
  assert.deepEqual([deleted.kind, deleted.status, deleted.details.name], ['Status', 'Success', 'pb-delete']);
});

describe('malformed protobuf bodies answer 400, never 500', () => {
  const path = '/api/v1/namespaces/default/configmaps';
  const good = codec.encode(FIXTURES.configmaps.make('pb-bad'));
  const bodies: Array<[string, Uint8Array, RegExp]> = [
    ['bad magic', Buffer.from('{"kind":"ConfigMap"}'), /does not appear to be a protobuf message/],
    ['truncated', good.subarray(0, good.length - 9), /unexpected EOF/],
    // typeMeta {v1, ConfigMap}, then raw holding field 1 (metadata) as a varint.
    ['wrong wire type', Buffer.concat([good.subarray(0, 4), Buffer.from('0a0f0a0276311209', 'hex'), Buffer.from('ConfigMap'), Buffer.from('1202080a', 'hex')]), /wrong wireType = 0 for field metadata/],
    ['unknown kind', codec.encode({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }).fill(0x58, 12, 15), /cannot be handled as a ConfigMap: no kind "XXX" is registered/],
  ];
  for (const [what, body, message] of bodies) {
    test(what, async () => {
      const asJson = await request('POST', path, body, { 'content-type': PROTOBUF, accept: 'application/json' });
      assert.equal(asJson.status, 400);
      const status = JSON.parse(asJson.body.toString());
      assert.deepEqual([status.kind, status.reason, status.code], ['Status', 'BadRequest', 400]);
      assert.match(status.message, message);
      const asProtobuf = decoded(await request('POST', path, body, { 'content-type': PROTOBUF }));
      assert.deepEqual([asProtobuf.kind, asProtobuf.reason, asProtobuf.code, asProtobuf.message], ['Status', 'BadRequest', 400, status.message]);
    });
  }
});

describe('content negotiation', () => {
  const path = '/api/v1/namespaces/default';
  const cases: Array<[string, string, RegExp]> = [
    ['JSON first wins', `application/json, ${PROTOBUF}`, /^application\/json/],
    ['a higher quality wins over order', `application/json;q=0.5, ${PROTOBUF}`, new RegExp(`^${PROTOBUF}$`)],
    ['a Table asked for in protobuf is JSON', `${PROTOBUF};as=Table;v=v1;g=meta.k8s.io, application/json`, /^application\/json;as=Table;v=v1;g=meta\.k8s\.io$/],
    ['other conversions fall through to the next clause', `${PROTOBUF};as=PartialObjectMetadata;v=v1;g=meta.k8s.io, application/json`, /^application\/json/],
    ['no acceptable type falls back to JSON', 'text/html', /^application\/json/],
  ];
  for (const [what, accept, type] of cases) {
    test(what, async () => {
      const res = await request('GET', path, undefined, { accept });
      assert.equal(res.status, 200);
      assert.match(res.type, type);
    });
  }

  test('discovery stays JSON', async () => {
    const res = await request('GET', '/api/v1', undefined, { accept: CLIENT_GO_ACCEPT });
    assert.match(res.type, /^application\/json/);
  });
});

/** Reads a protobuf watch over chunked HTTP: length-prefixed WatchEvents whose objects are enveloped. */
function protobufWatch(path: string): Promise<EventCollector & { type: string; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(shared().url + path, { headers: { accept: CLIENT_GO_ACCEPT } }, (res) => {
      const collector = Object.assign(new EventCollector(), { type: res.headers['content-type'] ?? '', close: () => req.destroy() });
      let pending = Buffer.alloc(0);
      res.on('data', (chunk: Buffer) => {
        const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
        pending = Buffer.from(rest);
        for (const frame of frames) collector.push(codec.decodeWatchEvent(frame));
      });
      res.on('end', () => collector.end());
      resolve(collector);
    });
    req.on('error', reject);
  });
}

test('a protobuf watch streams ADDED, MODIFIED and DELETED frames in order', async (t) => {
  const path = '/api/v1/namespaces/default/configmaps';
  const rv = (await shared().api.get(path)).body.metadata.resourceVersion;
  const watch = await protobufWatch(`${path}?watch=true&resourceVersion=${rv}&labelSelector=watch%3Dpb`);
  t.after(() => watch.close());
  assert.equal(watch.type, `${PROTOBUF};stream=watch`);
  await shared().api.post(path, FIXTURES.configmaps.make('pb-watch', { watch: 'pb' }));
  await shared().api.patch(`${path}/pb-watch`, { data: { a: 'changed' } });
  await shared().api.delete(`${path}/pb-watch`);
  const events = await watch.waitForCount(3);
  assert.deepEqual(events.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
  assert.deepEqual(events.map((e) => [e.object.kind, e.object.apiVersion, e.object.metadata.name]), Array(3).fill(['ConfigMap', 'v1', 'pb-watch']));
  assert.equal(events[1].object.data.a, 'changed');
  const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
  assert.ok(rvs[0] < rvs[1] && rvs[1] < rvs[2]);
});

test('a protobuf watch list: initial ADDED events, then a BOOKMARK marking their end', async (t) => {
  const path = '/api/v1/namespaces/default/configmaps';
  await shared().api.post(path, FIXTURES.configmaps.make('pb-initial', { initial: 'pb' }));
  const watch = await protobufWatch(`${path}?watch=true&labelSelector=initial%3Dpb&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`);
  t.after(() => watch.close());
  const [added, bookmark] = await watch.waitForCount(2);
  assert.deepEqual([added.type, added.object.metadata.name], ['ADDED', 'pb-initial']);
  assert.equal(bookmark.type, 'BOOKMARK');
  assert.deepEqual(bookmark.object.metadata.annotations, { 'k8s.io/initial-events-end': 'true' });
});

test('a protobuf watch over WebSocket: one binary WatchEvent per message, without length prefixes', async (t) => {
  const path = '/api/v1/namespaces/default/configmaps';
  const rv = (await shared().api.get(path)).body.metadata.resourceVersion;
  const socket = new WebSocket(`${shared().url.replace('http', 'ws')}${path}?watch=true&resourceVersion=${rv}&labelSelector=ws%3Dpb`, { headers: { accept: CLIENT_GO_ACCEPT } });
  t.after(() => socket.terminate());
  const collector = new EventCollector();
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    assert.ok(isBinary);
    collector.push(codec.decodeWatchEvent(data));
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  await shared().api.post(path, FIXTURES.configmaps.make('pb-ws', { ws: 'pb' }));
  await shared().api.delete(`${path}/pb-ws`);
  const events = await collector.waitForCount(2);
  assert.deepEqual(events.map((e) => [e.type, e.object.metadata.name]), [['ADDED', 'pb-ws'], ['DELETED', 'pb-ws']]);
});

test('kubectl create (protobuf bodies) against a real server; the objects read back right', { skip: NO_KUBECTL }, async (t) => {
  const server = await startTestServer(t);
  const kubectl = new Kubectl(server.kubeconfig);
  t.after(() => kubectl.cleanup());
  const commands = [
    ['create', 'namespace', 'x'],
    ['create', 'configmap', 'c', '--from-literal=a=b'],
    ['create', 'secret', 'generic', 's', '--from-literal=k=v'],
    ['create', 'serviceaccount', 'sa'],
    ['create', 'deployment', 'd', '--image=nginx'],
  ];
  for (const args of commands) {
    const result = await kubectl.run([...args, '-v=6']);
    assert.equal(result.code, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
  }
  const get = async (path: string) => (await server.api.get(path)).body;
  assert.equal((await get('/api/v1/namespaces/x')).status.phase, 'Active');
  assert.deepEqual((await get('/api/v1/namespaces/default/configmaps/c')).data, { a: 'b' });
  const secret = await get('/api/v1/namespaces/default/secrets/s');
  assert.deepEqual([secret.type, secret.data], ['Opaque', { k: Buffer.from('v').toString('base64') }]);
  assert.equal((await get('/api/v1/namespaces/default/serviceaccounts/sa')).metadata.name, 'sa');
  const deployment = await get('/apis/apps/v1/namespaces/default/deployments/d');
  assert.deepEqual(deployment.spec.selector, { matchLabels: { app: 'd' } });
  assert.deepEqual(deployment.spec.template.spec.containers.map((c: any) => [c.name, c.image]), [['nginx', 'nginx']]);
  assert.equal(deployment.spec.template.metadata.creationTimestamp, null, 'the zero Time kubectl sends is no timestamp, shown as null like upstream');
});
