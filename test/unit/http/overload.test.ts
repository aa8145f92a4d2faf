import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { resourceTable } from '../../../schemas/resources.js';
import { buildApp } from '../../../server/app.js';
import { ensureSystemObjects } from '../../../server/bootstrap.js';
import { systemClock } from '../../../server/clock.js';
import { installOverloadProtection, type OverloadLimits } from '../../../server/http/overload.js';
import { DEFAULT_WATCH_CONFIG, WatchServer } from '../../../server/http/watch.js';
import { Store } from '../../../server/registry/store.js';
import { openDatabase } from '../../../server/storage/db.js';
import { WatchHub } from '../../../server/storage/watch-hub.js';
import { waitFor } from '../../helpers/wait.js';

type Context = { after(fn: () => Promise<void> | void): void };

const NO_LIMITS: OverloadLimits = { maxRequestsInFlight: 0, maxMutatingRequestsInFlight: 0, requestTimeoutMs: 0 };

/** Requests to /hold/* wait until the test opens the gate; everything else answers at once. */
async function bareApp(t: Context, limits: Partial<OverloadLimits>) {
  const app = Fastify({ logger: false });
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const reopen = () => {
    open();
    gate = new Promise<void>((resolve) => (open = resolve));
  };
  const handler = async (request: { url: string }) => {
    if (request.url.includes('/hold')) await gate;
    return { ok: true };
  };
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler });
  installOverloadProtection(app, { ...NO_LIMITS, ...limits });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(async () => {
    open();
    await app.close();
  });
  return { app, url: baseUrl(app), release: reopen };
}

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address() as net.AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function statusOf(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { code: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
}

/** Waits until the held requests are inside the handler: probes until the limit answers 429. */
async function saturated(url: string, method = 'GET') {
  await waitFor('the limit to be reached', async () => (await statusOf(url, { method })).code === 429);
}

/** A raw connection: writes `head`, keeps the socket open, and collects everything the server sends. */
function rawConnection(port: number, head: string) {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(head);
  let received = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => undefined);
  return { socket, closed, received: () => received };
}

function parseRaw(text: string) {
  const [head, ...rest] = text.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: body ? JSON.parse(body) : undefined };
}

function assertTooMany(result: { code: number; headers: Headers; body: any }) {
  assert.equal(result.code, 429);
  assert.equal(result.headers.get('retry-after'), '1');
  assert.deepEqual(result.body, {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 429, reason: 'TooManyRequests',
    message: 'Too many requests, please try again later.', details: { retryAfterSeconds: 1 },
  });
}

describe('max in flight on a bare Fastify instance', () => {
  it('answers 429 Status with Retry-After beyond the non-mutating limit, and serves again once requests finish', async (t) => {
    const { url, release } = await bareApp(t, { maxRequestsInFlight: 2 });
    const held = [fetch(`${url}/hold/1`), fetch(`${url}/hold/2`)];
    await saturated(`${url}/x`);
    assertTooMany(await statusOf(`${url}/x`));
    const head = await statusOf(`${url}/x`, { method: 'HEAD' });
    assert.deepEqual([head.code, head.headers.get('retry-after')], [429, '1']);
    assert.equal((await statusOf(`${url}/x`, { method: 'POST', body: '{}' })).code, 200, 'mutating requests have their own limit');
    release();
    assert.deepEqual((await Promise.all(held)).map((r) => r.status), [200, 200]);
    assert.equal((await statusOf(`${url}/x`)).code, 200);
  });

  it('counts POST, PUT, PATCH and DELETE against the mutating limit only', async (t) => {
    const { url, release } = await bareApp(t, { maxMutatingRequestsInFlight: 1, maxRequestsInFlight: 1 });
    const held = fetch(`${url}/hold`, { method: 'PUT', body: '{}' });
    await saturated(`${url}/x`, 'POST');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) assertTooMany(await statusOf(`${url}/x`, { method, body: '{}' }));
    assert.equal((await statusOf(`${url}/x`)).code, 200, 'a read still fits its own limit');
    release();
    assert.equal((await held).status, 200);
    assert.equal((await statusOf(`${url}/x`, { method: 'POST', body: '{}' })).code, 200);
  });

  it('0 means no limit', async (t) => {
    const { url, release } = await bareApp(t, { maxRequestsInFlight: 0, maxMutatingRequestsInFlight: 0 });
    const held = Array.from({ length: 30 }, (_, i) => fetch(`${url}/hold/${i}`, { method: i % 2 ? 'GET' : 'POST' }));
    assert.equal((await statusOf(`${url}/x`)).code, 200);
    release();
    assert.ok((await Promise.all(held)).every((r) => r.status === 200));
  });

  it('does not count watches, streaming subresources and health probes', async (t) => {
    const { url, release } = await bareApp(t, { maxRequestsInFlight: 1 });
    const held = fetch(`${url}/hold`);
    await saturated(`${url}/x`);
    const exempt = [
      '/api/v1/pods?watch=true', '/api/v1/pods?watch=1', '/api/v1/pods?watch', '/apis/apps/v1/watch/daemonsets',
      '/api/v1/namespaces/ns/pods/p/log', '/api/v1/namespaces/ns/pods/p/exec', '/livez', '/readyz', '/healthz',
      '/livez/ping', '/readyz?verbose',
    ];
    for (const path of exempt) assert.equal((await statusOf(url + path)).code, 200, path);
    const counted = ['/api/v1/pods?watch=false', '/api/v1/namespaces/ns/configmaps/log'];
    for (const path of counted) assert.equal((await statusOf(url + path)).code, 429, path);
    release();
    assert.equal((await held).status, 200);
  });

  it('frees the slot of a request whose client went away', async (t) => {
    const { url } = await bareApp(t, { maxRequestsInFlight: 1 });
    const conn = rawConnection(Number(new URL(url).port), 'GET /hold HTTP/1.1\r\nHost: x\r\n\r\n');
    await saturated(`${url}/x`);
    conn.socket.destroy();
    await waitFor('the slot to be free', async () => (await statusOf(`${url}/x`)).code === 200);
  });
});

describe('request timeout on a bare Fastify instance', () => {
  it('answers 504 Timeout in upstream words when the handler is too slow, and frees the slot', async (t) => {
    const { url, release } = await bareApp(t, { maxRequestsInFlight: 1, requestTimeoutMs: 300 });
    const started = Date.now();
    const late = await statusOf(`${url}/hold`);
    assert.ok(Date.now() - started >= 290, 'not before the deadline');
    assert.equal(late.code, 504);
    assert.deepEqual(late.body, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 504, reason: 'Timeout',
      message: 'Timeout: request did not complete within the allotted timeout',
    });
    assert.equal((await statusOf(`${url}/x`)).code, 200, 'the timed-out request no longer counts');
    release();
    assert.equal((await statusOf(`${url}/x`)).code, 200, 'the handler finishing late harms nothing');
  });

  it('lets watches run past the timeout', async (t) => {
    const { url, release } = await bareApp(t, { requestTimeoutMs: 200 });
    const watch = fetch(`${url}/hold?watch=true`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    assert.equal((await watch).status, 200);
  });

  it('answers 408 Status and closes the connection when a body stalls', async (t) => {
    const { app } = await bareApp(t, { requestTimeoutMs: 300 });
    const port = (app.server.address() as net.AddressInfo).port;
    const started = Date.now();
    const conn = rawConnection(port, 'POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
    const answer = parseRaw(await conn.closed);
    assert.ok(Date.now() - started < 5000, 'cut off near the deadline');
    assert.equal(answer.statusLine, 'HTTP/1.1 408 Timeout');
    assert.match(answer.head, /Connection: close/);
    assert.equal(answer.body.kind, 'Status');
    assert.equal(answer.body.code, 408);
    assert.equal(answer.body.reason, 'Timeout');
  });

  it('answers 408 Status and closes the connection when headers never end (slowloris)', async (t) => {
    const { app } = await bareApp(t, { requestTimeoutMs: 300 });
    const port = (app.server.address() as net.AddressInfo).port;
    const conn = rawConnection(port, 'GET /x HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => conn.socket.write('X-Drip: 1\r\n'), 50);
    t.after(() => clearInterval(drip));
    const answer = parseRaw(await conn.closed);
    clearInterval(drip);
    assert.equal(answer.statusLine, 'HTTP/1.1 408 Timeout');
    assert.equal(answer.body.code, 408);
  });

  it('answers 400 Status to bytes that are not HTTP', async (t) => {
    const { app } = await bareApp(t, {});
    const port = (app.server.address() as net.AddressInfo).port;
    const answer = parseRaw(await rawConnection(port, 'HELLO\r\n\r\n').closed);
    assert.equal(answer.statusLine, 'HTTP/1.1 400 BadRequest');
    assert.equal(answer.body.kind, 'Status');
    assert.equal(answer.body.reason, 'BadRequest');
  });

  it('closes the connection of a refused request whose body is still arriving', async (t) => {
    const { app, url, release } = await bareApp(t, { maxMutatingRequestsInFlight: 1 });
    const held = fetch(`${url}/hold`, { method: 'POST', body: '{}' });
    await saturated(`${url}/x`, 'POST');
    const port = (app.server.address() as net.AddressInfo).port;
    const conn = rawConnection(port, 'POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');
    const answer = parseRaw(await conn.closed);
    assert.equal(answer.statusLine.split(' ')[1], '429');
    assert.match(answer.head, /connection: close/i);
    release();
    await held;
  });
});

/** The real HTTP surface on :memory:, protected as the server is: buildApp installs the limits after its routes. */
async function realApp(t: Context, limits: Partial<OverloadLimits>) {
  const db = openDatabase({ path: ':memory:' });
  const table = resourceTable();
  const hub = new WatchHub();
  const store = new Store(db, hub, systemClock, { groupCommit: true });
  ensureSystemObjects(store, table);
  const watches = new WatchServer(store, hub, table, DEFAULT_WATCH_CONFIG, systemClock);
  const app = buildApp({
    store, table, watches, kubeVersion: 'v1.32.4', clock: systemClock, logger: false, overload: { ...NO_LIMITS, ...limits },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(async () => {
    watches.closeAll();
    hub.close();
    await app.close();
    store.flush();
    db.close();
  });
  return { app, url: baseUrl(app), port: (app.server.address() as net.AddressInfo).port };
}

const configMap = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';

describe('overload protection installed at the end of buildApp', () => {
  it('refuses writes beyond the mutating limit while reads, watches and probes are served', async (t) => {
    const { url, port } = await realApp(t, { maxMutatingRequestsInFlight: 2, maxRequestsInFlight: 1 });
    // Two writers whose bodies are still arriving hold both mutating slots.
    const body = configMap('slow');
    const slow = [0, 1].map((i) => rawConnection(port,
      `POST ${CONFIGMAPS} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10 + i)}`));
    await saturated(url + CONFIGMAPS, 'POST');
    const refused = await statusOf(url + CONFIGMAPS, { method: 'POST', body: configMap('c1'), headers: { 'content-type': 'application/json' } });
    assertTooMany(refused);
    assert.equal((await statusOf(`${url}/readyz`)).code, 200);
    assert.equal((await statusOf(`${url}/livez`)).code, 200);
    assert.equal((await statusOf(url + CONFIGMAPS)).code, 200);
    const watch = await fetch(`${url}${CONFIGMAPS}?watch=true`);
    assert.equal(watch.status, 200, 'a watch is not counted');
    const second = await fetch(`${url}${CONFIGMAPS}?watch=true`);
    assert.equal(second.status, 200, 'nor is a second one, with a read limit of 1');
    await watch.body?.cancel();
    await second.body?.cancel();
    slow[0].socket.write(body.slice(10));
    await waitFor('the first slow write to be answered', () => slow[0].received().includes('201 Created'));
    const list = (await statusOf(url + CONFIGMAPS)).body;
    assert.deepEqual(list.items.map((i: any) => i.metadata.name), ['slow'], 'the refused write left nothing behind');
    assert.equal((await statusOf(url + CONFIGMAPS, { method: 'POST', body: configMap('c2'), headers: { 'content-type': 'application/json' } })).code, 201);
    slow[1].socket.destroy();
  });

  it('cuts off a write whose body stalls with 408, and stores nothing', async (t) => {
    const { url, port } = await realApp(t, { requestTimeoutMs: 300 });
    const body = configMap('stalled');
    const conn = rawConnection(port, `POST ${CONFIGMAPS} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
    const answer = parseRaw(await conn.closed);
    assert.equal(answer.body.code, 408);
    assert.equal((await statusOf(`${url}${CONFIGMAPS}/stalled`)).code, 404);
    assert.equal((await statusOf(url + CONFIGMAPS, { method: 'POST', body: configMap('after'), headers: { 'content-type': 'application/json' } })).code, 201);
  });
});
