import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { gnosticType } from '../../../server/openapi/proto-v2-types.js';
import { useSharedServer } from '../../helpers/api.js';

const PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const PROTOBUF_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/** `/openapi/v2` over real HTTP, negotiated as upstream's kube-openapi handler does. */
describe('GET /openapi/v2 representations', () => {
  const server = useSharedServer({ controllers: false });

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(server().url + path, { headers });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  it('serves JSON by default, with an ETag that is the SHA-512 of the JSON', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/*']) {
      const res = await get('/openapi/v2', accept ? { accept } : {});
      assert.equal(res.status, 200, accept);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(JSON.parse(res.body.toString()).swagger, '2.0');
      assert.equal(res.headers.get('etag'), `"${createHash('sha512').update(res.body).digest('hex').toUpperCase()}"`);
      assert.equal(res.headers.get('vary'), 'Accept');
    }
  });

  it('serves protobuf for either spelling of the media type, answering with the current one and the same ETag', async () => {
    const json = await get('/openapi/v2');
    const Document = gnosticType('Document');
    for (const accept of [PROTOBUF_DEPRECATED, PROTOBUF, `application/json;q=0.5, ${PROTOBUF}`]) {
      const res = await get('/openapi/v2', { accept });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers.get('content-type'), PROTOBUF, accept);
      assert.equal(res.headers.get('etag'), json.headers.get('etag'));
      const decoded = Document.toObject(Document.decode(res.body));
      assert.equal(decoded.swagger, '2.0');
      assert.equal(decoded.paths.path.length, Object.keys(JSON.parse(json.body.toString()).paths).length);
    }
  });

  it('answers a matching If-None-Match with 304 and no body, for either representation', async () => {
    const etag = (await get('/openapi/v2')).headers.get('etag')!;
    for (const accept of ['application/json', PROTOBUF_DEPRECATED]) {
      const res = await get('/openapi/v2', { accept, 'if-none-match': etag });
      assert.equal(res.status, 304, accept);
      assert.equal(res.body.length, 0);
      assert.equal(res.headers.get('etag'), etag);
    }
    assert.equal((await get('/openapi/v2', { 'if-none-match': '"stale"' })).status, 200);
  });

  it('refuses a media type it cannot produce with 406 NotAcceptable', async () => {
    for (const path of ['/openapi/v2', '/openapi/v3']) {
      const res = await get(path, { accept: 'application/yaml' });
      assert.equal(res.status, 406, path);
      const status = JSON.parse(res.body.toString());
      assert.deepEqual([status.kind, status.reason, status.code], ['Status', 'NotAcceptable', 406]);
      assert.match(status.message, /\(requested: application\/yaml\)/);
    }
    assert.equal((await get('/openapi/v3', { accept: PROTOBUF })).status, 406, 'v3 is not served in the v2 protobuf form');
  });
});
