import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSharedServer } from '../helpers/api.js';
import { websocketWatch } from '../helpers/watch-client.js';

/** The same watches over WebSocket: one event per message, plain text or base64.binary.k8s.io framing. */
// The API surface alone: no controller writes behind the test's back.
const shared = useSharedServer({ controllers: false });

const path = '/api/v1/namespaces/default/configmaps';

for (const protocol of [undefined, 'base64.binary.k8s.io']) {
  test(`watch over WebSocket (${protocol ?? 'text frames'})`, async (t) => {
    const name = `ws-${protocol ? 'b64' : 'text'}`;
    const rv = (await shared().api.get(path)).body.metadata.resourceVersion;
    const watch = await websocketWatch(shared().url, `${path}?watch=true&resourceVersion=${rv}&labelSelector=kind%3D${name}`, protocol);
    t.after(() => watch.close());
    if (protocol) assert.equal(watch.socket.protocol, protocol);
    await shared().api.post(path, { metadata: { name, labels: { kind: name } } });
    await shared().api.patch(`${path}/${name}`, { data: { a: '1' } });
    await shared().api.delete(`${path}/${name}`);
    const events = await watch.waitForCount(3);
    assert.deepEqual(events.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
    assert.ok(events.every((e) => e.object.metadata.name === name));
  });
}

test('an upgrade on a URL with no resource is refused with a Status', async () => {
  await assert.rejects(websocketWatch(shared().url, '/api/v1/namespaces/default/widgets?watch=true'), /upgrade refused: 404/);
});

test('an upgrade with a bad selector is refused with 400', async () => {
  await assert.rejects(websocketWatch(shared().url, `${path}?watch=true&labelSelector=${encodeURIComponent('a in (')}`), /upgrade refused: 400/);
});
