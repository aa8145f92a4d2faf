import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Api, rawRequest } from '../helpers/api.js';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * Secret values and bearer tokens never reach the request log or an error message: a real server logging at trace
 * level is made to fail in every way a Secret write can, and neither its answers nor its log hold the values.
 */

const DATA = Buffer.from('hunter2-data-value').toString('base64');
const PLAIN = 'hunter2-plain-value';
const TOKEN = 'token-that-must-not-be-logged';
const SECRETS = [DATA, PLAIN, TOKEN, 'hunter2'];

const dir = scratchDir('mimikube-secrets-');
writeFileSync(join(dir, 'tokens.csv'), `${TOKEN},admin,0,system:masters\n`);

let server: CliServer;
let api: Api;
before(async () => {
  server = await startCliServer(['--db', ':memory:', '--no-controllers', '--log-level', 'trace', '--token-auth-file', join(dir, 'tokens.csv')]);
  api = new Api(server.url, { authorization: `Bearer ${TOKEN}` });
});
after(() => server.stop());

const path = '/api/v1/namespaces/default/secrets';
const secret = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { a: DATA }, stringData: { p: PLAIN }, ...extra });

function assertClean(what: string, text: string) {
  for (const value of SECRETS) assert.ok(!text.includes(value), `${what} shows ${value}: ${text}`);
}

test('failed Secret writes answer without the values they carried', async () => {
  assert.equal((await api.post(path, secret('s1'))).status, 201);
  const failures: Array<[string, Promise<{ status: number; text: string }>, number]> = [
    ['a second create', api.post(path, secret('s1')), 409],
    ['a bad name', api.post(path, secret('Bad_Name')), 422],
    ['a data value of the wrong type', api.post(path, secret('s2', { data: { a: DATA, b: 7 } })), 400],
    ['a stringData value of the wrong type', api.post(path, secret('s2', { stringData: { p: PLAIN, q: false } })), 400],
    ['an unknown field, strictly', api.post(`${path}?fieldValidation=Strict`, secret('s2', { extra: PLAIN })), 400],
    ['a namespace that does not match', api.post(path, secret('s2', { metadata: { name: 's2', namespace: 'kube-system' } })), 400],
    ['a namespace that does not exist', api.post('/api/v1/namespaces/nowhere/secrets', secret('s2')), 404],
    ['bad YAML', api.request('POST', path, `kind: Secret\ndata:\n  a: ${DATA}\n   b: [${PLAIN}`, { 'content-type': 'application/yaml' }), 400],
    ['a stale update', api.put(`${path}/s1`, secret('s1', { metadata: { name: 's1', resourceVersion: '1' } })), 409],
    ['an update under another name', api.put(`${path}/s1`, secret('s9')), 400],
    ['a JSON patch test that fails', api.patch(`${path}/s1`, [{ op: 'test', path: '/data/a', value: PLAIN }], 'application/json-patch+json'), 422],
    ['a JSON patch on a missing path', api.patch(`${path}/s1`, [{ op: 'replace', path: '/data/x/y', value: PLAIN }], 'application/json-patch+json'), 422],
    ['a merge patch of the wrong type', api.patch(`${path}/s1`, { data: { a: { nested: PLAIN } } }), 400],
    ['a strategic patch of the wrong type', api.patch(`${path}/s1`, { data: PLAIN }, 'application/strategic-merge-patch+json'), 400],
    ['malformed JSON', api.request('POST', path, `{"kind":"Secret","data":{"a":"${PLAIN}"x}}`, { 'content-type': 'application/json' }), 400],
    ['a strategic patch with an unknown directive', api.patch(`${path}/s1`, { data: { $patch: 'x', a: PLAIN } }, 'application/strategic-merge-patch+json'), 400],
    ['an apply of the wrong type', api.request('PATCH', `${path}/s1?fieldManager=m`, `apiVersion: v1\nkind: Secret\nmetadata: {name: s1}\ndata: {a: 7, b: ${DATA}}`, { 'content-type': 'application/apply-patch+yaml' }), 400],
  ];
  for (const [what, pending, code] of failures) {
    const res = await pending;
    assert.equal(res.status, code, `${what}: ${res.text}`);
    assertClean(what, res.text);
  }
  const noBody = await rawRequest(`${server.url}${path}`, 'POST', '', { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
  assert.equal(noBody.status, 400);
});

test('the request log, at trace level, holds neither Secret data nor bearer tokens', async () => {
  assert.equal((await api.get(`${path}/s1`)).body.data.a, DATA);
  const log = server.stdout();
  assert.match(log, /"url":"\/api\/v1\/namespaces\/default\/secrets\/s1"/, 'the log does record requests');
  assertClean('the request log', log);
  assertClean('the server stderr', server.stderr());
});
