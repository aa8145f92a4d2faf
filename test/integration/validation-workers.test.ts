import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resourceTable } from '../../schemas/resources.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { CreatePrechecks } from '../../server/precheck/pool.js';
import { Api, type ApiResponse } from '../helpers/api.js';
import { chunkedWatch, websocketWatch } from '../helpers/watch-client.js';

/** What a client can see of an answer, with what differs between any two creates (uid, times, revision) left out. */
function visible(res: ApiResponse) {
  const body = structuredClone(res.body);
  if (body?.metadata) {
    for (const field of ['uid', 'creationTimestamp', 'resourceVersion']) delete body.metadata[field];
    if (body.metadata.generateName) body.metadata.name = '(generated)';
  }
  return { status: res.status, warning: res.headers.get('warning'), body };
}

const podText = (name: string, extra = '') =>
  `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"${name}","labels":{"app":"web"}},` +
  `"spec":{"containers":[{"name":"c","image":"nginx:1.27","resources":{"requests":{"cpu":"100m"}}}]${extra}}}`;

const bodies: Array<{ name: string; path: string; text: string; query?: string }> = [
  { name: 'a valid pod', path: 'pods', text: podText('ok') },
  { name: 'a pod with a generated name', path: 'pods', text: podText('').replace('"name":""', '"generateName":"gen-"') },
  { name: 'an unknown field (Warn)', path: 'pods', text: podText('unknown', ',"bogus":1') },
  { name: 'an unknown field (Strict)', path: 'pods', text: podText('strict', ',"bogus":1'), query: '?fieldValidation=Strict' },
  { name: 'a duplicate field', path: 'configmaps', text: '{"metadata":{"name":"dup"},"data":{"k":"v","k":"w"}}' },
  { name: 'an invalid pod', path: 'pods', text: podText('Bad_Name') },
  { name: 'malformed JSON', path: 'configmaps', text: '{"metadata":' },
  { name: 'a name that exists', path: 'pods', text: podText('ok') },
  { name: 'a dry run', path: 'configmaps', text: '{"metadata":{"name":"dry"}}', query: '?dryRun=All' },
];

describe('validation workers give every create the answer the request thread gives', () => {
  let inline: RunningServer;
  let workers: RunningServer;
  before(async () => {
    inline = await startServer({ port: 0, db: ':memory:', controllers: false });
    workers = await startServer({ port: 0, db: ':memory:', controllers: false, validationWorkers: 1 });
  });
  after(async () => {
    await inline?.close();
    await workers?.close();
  });

  /** Until the worker has loaded, bodies are checked inline: wait until one has been through it. */
  async function workerReady(api: Api): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (let i = 0; Date.now() < deadline; i++) {
      await api.post('/api/v1/namespaces/default/configmaps', { metadata: { name: `warm-${i}` } });
      const metrics = (await api.get('/metrics')).text;
      if (/mimikube_create_prechecks_total\{result="passed"\} [1-9]/.test(metrics)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail('the validation worker never answered');
  }

  it('answers each body alike, with and without a worker', async () => {
    const withWorker = new Api(workers.url);
    await workerReady(withWorker);
    for (const b of bodies) {
      const path = `/api/v1/namespaces/default/${b.path}${b.query ?? ''}`;
      const expected = visible(await new Api(inline.url).post(path, b.text));
      const actual = visible(await withWorker.post(path, b.text));
      assert.deepEqual(actual, expected, b.name);
    }
    const metrics = (await withWorker.get('/metrics')).text;
    assert.match(metrics, /mimikube_create_prechecks_total\{result="declined"\} [1-9]/, 'bad bodies were handed back');
    const pods = (await withWorker.get('/api/v1/namespaces/default/pods')).body.items.map((p: any) => p.metadata.name);
    assert.ok(pods.includes('ok') && pods.some((n: string) => n.startsWith('gen-')) && pods.includes('unknown'));
  });

  it('stores a prepared pod exactly as the request thread would have, to the byte', async () => {
    const a = (await new Api(inline.url).get('/api/v1/namespaces/default/pods/ok')).text;
    const b = (await new Api(workers.url).get('/api/v1/namespaces/default/pods/ok')).text;
    const blank = (text: string) => text.replace(/"(uid|creationTimestamp|resourceVersion)":"[^"]*"/g, '"$1":""');
    assert.equal(blank(b), blank(a));
    const pod = JSON.parse(b);
    assert.equal(pod.status.qosClass, 'Burstable', 'defaults and preparation were applied');
    assert.deepEqual(Object.keys(pod.metadata).slice(-3), ['uid', 'creationTimestamp', 'resourceVersion']);
  });

  it('answers a prepared create with the object it stored, and stamps it with the server clock', async () => {
    const api = new Api(workers.url);
    const before = Date.now();
    const created = await api.post('/api/v1/namespaces/default/pods', podText('answered'));
    assert.equal(created.status, 201);
    const stored = await api.get('/api/v1/namespaces/default/pods/answered');
    assert.equal(created.text, stored.text);
    const stamped = Date.parse(created.body.metadata.creationTimestamp);
    assert.ok(stamped >= Math.floor(before / 1000) * 1000 && stamped <= Date.now(), created.body.metadata.creationTimestamp);
  });

  it('delivers prepared creates whole to watchers, filtered ones included', async () => {
    const api = new Api(workers.url);
    const rv = (await api.get('/api/v1/namespaces/default/pods')).body.metadata.resourceVersion;
    const all = await chunkedWatch(workers.url, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`);
    const selected = await websocketWatch(workers.url, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}&labelSelector=app%3Dwatched`);
    try {
      const body = podText('watched-1').replace('"app":"web"', '"app":"watched"');
      const created = await api.post('/api/v1/namespaces/default/pods', body);
      await api.post('/api/v1/namespaces/default/pods', podText('unwatched-1'));
      const added = await all.waitForCount(2);
      assert.deepEqual(added.map((e) => [e.type, e.object.metadata.name]), [['ADDED', 'watched-1'], ['ADDED', 'unwatched-1']]);
      assert.deepEqual(added[0].object, created.body);
      const [filtered] = await selected.waitForCount(1);
      assert.deepEqual([filtered.type, filtered.object], ['ADDED', created.body]);
    } finally {
      all.close();
      selected.close();
    }
  });
});

describe('CreatePrechecks falls back to the request thread', () => {
  const def = resourceTable().find('', 'v1', 'configmaps')!;

  it('when the worker file is missing', () => {
    const pool = new CreatePrechecks(1, '/nonexistent/worker.js');
    assert.equal(pool.prepare(def, 'default', '{"metadata":{"name":"a"}}', Date.now()), undefined);
    assert.equal(pool.counts.unavailable, 1);
  });

  it('once stopped, answering what it still held with "not prepared"', async () => {
    const pool = new CreatePrechecks(1);
    const deadline = Date.now() + 20_000;
    const prepare = (name: string) => pool.prepare(def, 'default', `{"metadata":{"name":"${name}"}}`, Date.now());
    let verdict = prepare('a');
    while (verdict === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      verdict = prepare('a');
    }
    assert.equal((await verdict)?.name, 'a');
    const held = prepare('b');
    await pool.stop();
    assert.equal(await held, undefined);
    assert.equal(prepare('c'), undefined);
  });
});
