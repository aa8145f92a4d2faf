import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSharedServer } from '../helpers/api.js';

/** Every bad request gets the apiserver's Status answer and changes nothing. */
// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });

const pods = '/api/v1/namespaces/default/pods';
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

async function revision(): Promise<string> {
  return (await shared().api.get('/api/v1/namespaces')).body.metadata.resourceVersion;
}

const cases: Array<{ name: string; send: () => Promise<{ status: number; body: any }>; code: number; reason: string; message?: RegExp }> = [
  { name: 'malformed JSON is a 400', code: 400, reason: 'BadRequest', message: /json parse error/,
    send: () => shared().api.request('POST', pods, '{"metadata": ', { 'content-type': 'application/json' }) },
  { name: 'a patch nested deeper than 10,000 levels is a 400, not a stack overflow', code: 400, reason: 'BadRequest',
    message: /exceeded max depth/,
    send: () => shared().api.request('PATCH', '/api/v1/namespaces/default', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, { 'content-type': 'application/json-patch+json' }) },
  { name: 'a map value of the wrong type under a key holding a newline is a 400', code: 400, reason: 'BadRequest',
    message: /cannot unmarshal number into Go struct field Pod\.metadata\.labels/,
    send: () => shared().api.post(pods, { ...pod('x'), metadata: { name: 'x', labels: { 'a\nb': 7 } } }) },
  { name: 'an events.k8s.io event whose parts have the wrong types is a 400', code: 400, reason: 'BadRequest',
    send: () => shared().api.post('/apis/events.k8s.io/v1/namespaces/default/events', { metadata: { name: 'e' }, regarding: { kind: 5 }, series: { count: 'x' } }) },
  { name: 'malformed YAML is a 400', code: 400, reason: 'BadRequest', message: /error converting YAML to JSON/,
    send: () => shared().api.request('POST', pods, 'metadata: [unclosed', { 'content-type': 'application/yaml' }) },
  { name: 'a body that is not an object is a 400', code: 400, reason: 'BadRequest',
    send: () => shared().api.post(pods, [1, 2]) },
  { name: 'the wrong apiVersion for the URL is a 400', code: 400, reason: 'BadRequest',
    message: /the API version in the data \(apps\/v1\) does not match the expected API version \(v1\)/,
    send: () => shared().api.post(pods, { ...pod('x'), apiVersion: 'apps/v1' }) },
  { name: 'the wrong kind for the URL is a 400', code: 400, reason: 'BadRequest', message: /cannot be handled as a Pod/,
    send: () => shared().api.post(pods, { ...pod('x'), kind: 'Service' }) },
  { name: 'a namespace in the body different from the URL is a 400', code: 400, reason: 'BadRequest',
    message: /the namespace of the provided object does not match the namespace sent on the request/,
    send: () => shared().api.post(pods, { ...pod('x'), metadata: { name: 'x', namespace: 'kube-system' } }) },
  { name: 'a name in the body different from the URL on update is a 400', code: 400, reason: 'BadRequest',
    message: /the name of the object \(y\) does not match the name on the URL \(x\)/,
    send: () => shared().api.put(`${pods}/x`, pod('y')) },
  { name: 'a value of the wrong JSON type is a 400', code: 400, reason: 'BadRequest', message: /cannot unmarshal number/,
    send: () => shared().api.post(pods, { ...pod('x'), metadata: { name: 7 } }) },
  { name: 'an unknown field with fieldValidation=Strict is a 400', code: 400, reason: 'BadRequest',
    message: /strict decoding error: unknown field "spec.bogus"/,
    send: () => shared().api.post(`${pods}?fieldValidation=Strict`, { ...pod('x'), spec: { ...pod('x').spec, bogus: 1 } }) },
  { name: 'an invalid name is a 422 with a cause', code: 422, reason: 'Invalid', message: /Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/,
    send: () => shared().api.post(pods, pod('Bad_Name')) },
  { name: 'a missing name is a 422', code: 422, reason: 'Invalid', message: /metadata.name: Required value/,
    send: () => shared().api.post(pods, { ...pod('x'), metadata: {} }) },
  { name: 'an invalid label is a 422', code: 422, reason: 'Invalid', message: /metadata.labels/,
    send: () => shared().api.post(pods, { ...pod('x'), metadata: { name: 'x', labels: { 'a b': 'c' } } }) },
  { name: 'an unknown dryRun value is a 422', code: 422, reason: 'Invalid', message: /dryRun: Unsupported value: "Some"/,
    send: () => shared().api.post(`${pods}?dryRun=Some`, pod('x')) },
  { name: 'an unknown fieldValidation value is a 422', code: 422, reason: 'Invalid', message: /fieldValidation: Unsupported value/,
    send: () => shared().api.post(`${pods}?fieldValidation=Loose`, pod('x')) },
  { name: 'a non-numeric limit is a 400', code: 400, reason: 'BadRequest', send: () => shared().api.get(`${pods}?limit=ten`) },
  { name: 'an unparsable continue token is a 400', code: 400, reason: 'BadRequest', message: /continue key is not valid/,
    send: () => shared().api.get(`${pods}?limit=1&continue=garbage`) },
  { name: 'an unsupported field selector is a 400', code: 400, reason: 'BadRequest', message: /field label not supported: spec.bogus/,
    send: () => shared().api.get(`${pods}?fieldSelector=spec.bogus%3D1`) },
  { name: 'resourceVersionMatch without resourceVersion is a 422', code: 422, reason: 'Invalid',
    send: () => shared().api.get(`${pods}?resourceVersionMatch=Exact`) },
  { name: 'a resourceVersion from the future is a 504 Timeout', code: 504, reason: 'Timeout', message: /Too large resource version/,
    send: () => shared().api.get(`${pods}?resourceVersion=999999999&resourceVersionMatch=NotOlderThan`) },
  { name: 'an unknown media type is a 415', code: 415, reason: 'UnsupportedMediaType',
    send: () => shared().api.request('POST', pods, 'x', { 'content-type': 'text/plain' }) },
  { name: 'a patch without a patch media type is a 415', code: 415, reason: 'UnsupportedMediaType',
    send: () => shared().api.request('PATCH', `${pods}/x`, '{}', { 'content-type': 'application/json' }) },
  { name: 'a body over 3 MiB is a 413', code: 413, reason: 'RequestEntityTooLarge',
    send: () => shared().api.post(pods, { ...pod('x'), metadata: { name: 'x', annotations: { a: 'x'.repeat(3.2 * 1024 * 1024) } } }) },
  { name: 'an object over 1.5 MiB is a 413', code: 413, reason: 'RequestEntityTooLarge',
    send: () => shared().api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'big' }, data: { a: 'x'.repeat(1.6 * 1024 * 1024) } }) },
  { name: 'creating in a missing namespace is a 404 for the namespace', code: 404, reason: 'NotFound', message: /^namespaces "nowhere" not found$/,
    send: () => shared().api.post('/api/v1/namespaces/nowhere/pods', pod('x')) },
  { name: 'an unknown resource is a 404', code: 404, reason: 'NotFound', message: /the server could not find the requested resource/,
    send: () => shared().api.get('/api/v1/namespaces/default/widgets') },
  { name: 'a cluster-scoped kind under a namespace is a 404', code: 404, reason: 'NotFound',
    send: () => shared().api.get('/api/v1/namespaces/default/nodes') },
  { name: 'POST across all namespaces is a 405', code: 405, reason: 'MethodNotAllowed',
    send: () => shared().api.post('/api/v1/pods', pod('x')) },
  { name: 'orphanDependents together with propagationPolicy is a 422', code: 422, reason: 'Invalid',
    send: async () => {
      await shared().api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'cm-del' } });
      return shared().api.delete('/api/v1/namespaces/default/configmaps/cm-del', { orphanDependents: true, propagationPolicy: 'Background' });
    } },
];

for (const c of cases) {
  test(c.name, async () => {
    const before = await revision();
    const res = await c.send();
    assert.equal(res.status, c.code, JSON.stringify(res.body));
    assert.equal(res.body.kind, 'Status');
    assert.equal(res.body.apiVersion, 'v1');
    assert.equal(res.body.status, 'Failure');
    assert.equal(res.body.code, c.code);
    assert.equal(res.body.reason, c.reason);
    if (c.message) assert.match(res.body.message, c.message);
    if (c.code === 422 && res.body.details?.causes) {
      for (const cause of res.body.details.causes) assert.ok(cause.reason && cause.message !== undefined);
    }
    // The only write any case makes is its own setup; a failed request itself stores nothing.
    if (!c.name.startsWith('orphanDependents')) assert.equal(await revision(), before);
  });
}

test('creating in a terminating namespace is a 403 Forbidden', async () => {
  assert.equal((await shared().api.post('/api/v1/namespaces', { metadata: { name: 'going' } })).status, 201);
  assert.equal((await shared().api.delete('/api/v1/namespaces/going')).status, 200);
  const res = await shared().api.post('/api/v1/namespaces/going/configmaps', { metadata: { name: 'late' } });
  assert.equal(res.status, 403);
  assert.equal(res.body.reason, 'Forbidden');
  assert.equal(res.body.message, 'configmaps "late" is forbidden: unable to create new content in namespace going because it is being terminated');
});

test('unknown fields are dropped with a Warning header by default', async () => {
  const res = await shared().api.post(pods, { ...pod('warned'), spec: { ...pod('x').spec, bogus: 1 } });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.spec.bogus, undefined);
  assert.match(res.headers.get('warning') ?? '', /299 - "unknown field \\"spec.bogus\\""/);
});

test('YAML in and YAML out', async () => {
  const res = await shared().api.request('POST', '/api/v1/namespaces/default/configmaps', 'metadata:\n  name: from-yaml\ndata:\n  k: v\n', {
    'content-type': 'application/yaml',
    accept: 'application/yaml',
  });
  assert.equal(res.status, 201);
  assert.match(res.headers.get('content-type') ?? '', /application\/yaml/);
  assert.match(res.text, /name: from-yaml/);
  assert.match(res.text, /k: v/);
});

test('a GET answers the stored JSON as it is, with upstream\'s Content-Type, and decodes it for other formats', async () => {
  const api = shared().api;
  const created = await api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'as-stored' }, data: { k: 'grüße' } });
  assert.equal(created.status, 201);
  const json = await api.get('/api/v1/namespaces/default/configmaps/as-stored');
  assert.equal(json.headers.get('content-type'), 'application/json');
  assert.equal(json.text, created.text);
  const yaml = await api.get('/api/v1/namespaces/default/configmaps/as-stored', { accept: 'application/yaml' });
  assert.match(yaml.headers.get('content-type') ?? '', /application\/yaml/);
  assert.match(yaml.text, /k: grüße/);
});

test('a client that prefers JSON over protobuf gets JSON', async () => {
  const res = await shared().api.get('/api/v1/namespaces/default', { accept: 'application/json, application/vnd.kubernetes.protobuf' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  assert.equal(res.body.metadata.name, 'default');
});
