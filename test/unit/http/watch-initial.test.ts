import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../schemas/meta.js';
import { ApiError } from '../../../server/errors.js';
import { INITIAL_PACE_BYTES, streamInitialState, type InitialStateTarget } from '../../../server/http/watch-initial.js';
import { jsonWatchEncoder, WatchSession, type WatchChunk } from '../../../server/http/watch-session.js';
import { ListResult } from '../../../server/registry/list.js';
import { resourceTable } from '../../../schemas/resources.js';
import type { Predicate } from '../../../server/registry/predicate.js';

const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, resourceVersion: '5' } });

/** Pages of `size` objects out of `total`, all at revision 7; `reads` counts the pages read. */
function pages(total: number, size: number) {
  const reads: (string | undefined)[] = [];
  const list = (token?: string) => {
    reads.push(token);
    const start = token ? Number(token) : 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => obj(`o-${start + i}`));
    const result = new ListResult(items.map((o) => JSON.stringify(o)), '7', items);
    if (start + size < total) result.continue = String(start + size);
    return result;
  };
  return { list, reads };
}

/** A client that reads nothing until told to: every send adds to its backlog. */
function stalledClient(bytesPerObject: number) {
  const sent: string[] = [];
  let backlog = 0;
  let drained: (() => void) | undefined;
  const target: InitialStateTarget & { closed: boolean } = {
    closed: false,
    get isClosed() {
      return this.closed;
    },
    sendInitial(o) {
      sent.push(o.metadata.name!);
      backlog += bytesPerObject;
      return backlog;
    },
    whenDrained(callback) {
      drained = callback;
    },
    error() {
      this.closed = true;
    },
  };
  const read = () => {
    backlog = 0;
    const callback = drained;
    drained = undefined;
    callback?.();
  };
  return { target, sent, read, waiting: () => drained !== undefined };
}

describe('a watch\'s initial state, paced by its client', () => {
  it('writes pages only while the client keeps up, then the rest as it reads, then says it is done', () => {
    const { list, reads } = pages(1000, 100);
    const client = stalledClient(INITIAL_PACE_BYTES / 150);
    let doneAt: number | undefined;
    const rv = streamInitialState(list, client.target, (at) => (doneAt = at));
    assert.equal(rv, 7);
    assert.equal(client.sent.length, 200, 'two pages pass the pace, then it waits');
    assert.ok(client.waiting());
    assert.equal(doneAt, undefined);
    while (client.waiting()) client.read();
    assert.equal(client.sent.length, 1000);
    assert.deepEqual(client.sent.slice(0, 3), ['o-0', 'o-1', 'o-2']);
    assert.equal(doneAt, 7);
    assert.deepEqual(reads, [undefined, '100', '200', '300', '400', '500', '600', '700', '800', '900']);
  });

  it('stops reading pages once the watch is closed, and ends it with the store\'s error', () => {
    const { list } = pages(1000, 100);
    const client = stalledClient(INITIAL_PACE_BYTES);
    streamInitialState(list, client.target, () => assert.fail('not done'));
    client.target.closed = true;
    client.read();
    assert.equal(client.sent.length, 100);

    let ended: ApiError | undefined;
    const expired = stalledClient(INITIAL_PACE_BYTES);
    expired.target.error = (err) => (ended = err);
    streamInitialState((token) => {
      if (token) throw new ApiError(410, 'Expired', 'compacted');
      return list();
    }, expired.target, () => assert.fail('not done'));
    expired.read();
    assert.equal(ended?.code, 410);
  });
});

describe('a watch session holding live events behind its initial state', () => {
  const def = resourceTable().all.find((d) => d.key === 'configmaps')!;
  const everything = { empty: true, matches: () => true } as unknown as Predicate;

  function session() {
    const chunks: WatchChunk[] = [];
    const s = new WatchSession(
      {
        def, predicate: everything, maxBacklogBytes: 10_000, bookmarks: true, encoder: jsonWatchEncoder(),
        sink: { send: (c) => (chunks.push(c), 0), whenDrained: (cb) => cb(), end: () => undefined },
      },
      () => undefined,
    );
    const lines = () => chunks.map((c) => JSON.parse(String(c)) as { type: string; object: { metadata: { name?: string; resourceVersion?: string } } });
    return { s, lines };
  }
  const change = (name: string, rv: number) =>
    ({ type: 'ADDED' as const, rv, resource: 'configmaps', namespace: 'default', name, object: { ...obj(name), metadata: { name, resourceVersion: String(rv) } } });

  it('sends the held events after the state and its bookmark, which carries the state\'s revision', () => {
    const { s, lines } = session();
    s.hold();
    s.sendInitial(obj('a'), 7);
    s.deliver(change('live-1', 8));
    s.sendInitial(obj('b'), 7);
    s.deliver(change('live-2', 9));
    s.release(() => s.bookmark(7, { 'k8s.io/initial-events-end': 'true' }));
    assert.deepEqual(lines().map((l) => `${l.type} ${l.object.metadata.name ?? l.object.metadata.resourceVersion}`),
      ['ADDED a', 'ADDED b', 'BOOKMARK 7', 'ADDED live-1', 'ADDED live-2']);
    assert.equal(s.lastRv, 9);
  });

  it('closes with 410 a watcher whose held events outgrow the backlog limit', () => {
    const { s, lines } = session();
    s.hold();
    for (let i = 0; i < 200 && !s.isClosed; i++) s.deliver(change(`live-${i}`, 10 + i));
    assert.ok(s.isClosed);
    assert.equal(lines().at(-1)?.type, 'ERROR');
  });
});
