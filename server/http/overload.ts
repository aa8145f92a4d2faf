import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, badRequest, timeout } from '../errors.js';
import { sendError } from './negotiate.js';
import { parseRequestPath, pathOf, type RequestInfo } from './request-info.js';

export interface OverloadLimits {
  /** Non-mutating requests (get, list) served at once; 0 = no limit (upstream --max-requests-inflight). */
  maxRequestsInFlight: number;
  /** Mutating requests served at once; 0 = no limit (upstream --max-mutating-requests-inflight). */
  maxMutatingRequestsInFlight: number;
  /** How long a request may take to arrive, and then to be answered; 0 = no limit (upstream --request-timeout). */
  requestTimeoutMs: number;
}

export const DEFAULT_OVERLOAD_LIMITS: OverloadLimits = {
  maxRequestsInFlight: 400,
  maxMutatingRequestsInFlight: 200,
  requestTimeoutMs: 60_000,
};

/** Upstream's retry-after interval on rate limiting (maxinflight.go). */
const RETRY_AFTER_SECONDS = 1;
/** Upstream's ReadHeaderTimeout: headers must arrive within this, whatever the request timeout. */
const MAX_HEADERS_TIMEOUT_MS = 32_000;
const NON_MUTATING_METHODS = new Set(['GET', 'HEAD']);
/** Upstream's long-running subresources (BasicLongRunningRequestCheck). */
const LONG_RUNNING_SUBRESOURCES = new Set(['attach', 'exec', 'log', 'portforward', 'proxy']);
const PROBE_PATHS = ['/healthz', '/livez', '/readyz'];
const MAYBE_STREAMING = /\/(?:attach|exec|log|portforward|proxy)(?:\/|$)/;

function tooManyRequests(): ApiError {
  return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

function handlerTimeout(): ApiError {
  return timeout('Timeout: request did not complete within the allotted timeout');
}

function queryFlag(value: unknown): boolean {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text !== 'false' && text !== '0';
}

/** Watches and streaming subresources hold their request open by design; they are not counted nor timed out. */
function isLongRunning(request: FastifyRequest, path = pathOf(request.url)): boolean {
  if (request.headers.upgrade !== undefined) return true;
  if (!NON_MUTATING_METHODS.has(request.method)) return false;
  if (queryFlag((request.query as Record<string, unknown> | undefined)?.watch)) return true;
  // Most requests name neither a watch path nor a streaming subresource: skip parsing the path for them.
  if (!path.includes('/watch/') && !MAYBE_STREAMING.test(path)) return false;
  let info: RequestInfo | undefined;
  try {
    info = parseRequestPath(path);
  } catch {
    return false; // undecodable escapes name no resource
  }
  if (!info) return false;
  if (info.namespace === undefined && info.resource === 'watch') return true;
  return info.subresource !== undefined && LONG_RUNNING_SUBRESOURCES.has(info.subresource);
}

function isProbe(path: string): boolean {
  return PROBE_PATHS.some((probe) => path === probe || path.startsWith(`${probe}/`));
}

/** A counting semaphore; limit 0 lets everything through, as upstream's nil channel does. */
class InFlight {
  count = 0;
  constructor(private readonly limit: number) {}

  tryAcquire(): boolean {
    if (this.limit !== 0 && this.count >= this.limit) return false;
    this.count++;
    return true;
  }
}

function statusResponse(err: ApiError): string {
  const body = JSON.stringify(err.toStatus());
  return `HTTP/1.1 ${err.code} ${err.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/**
 * Node calls this for requests it gave up on before any handler could answer: headers or body that did not arrive
 * within the timeouts (a slowloris), or bytes that are not HTTP. The client gets a Status and the connection closes.
 */
function answerClientError(responses: WeakMap<Socket, ServerResponse>) {
  return (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const started = responses.get(socket)?.headersSent === true;
    if (socket.writable && !started) {
      const answer = err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError(408, 'Timeout', 'Timeout: the request was not received in full within the allotted timeout')
        : err.code === 'HPE_HEADER_OVERFLOW'
          ? new ApiError(431, 'BadRequest', 'the request headers are too large')
          : badRequest(`the request could not be parsed as HTTP: ${err.code ?? err.message}`);
      socket.end(statusResponse(answer));
    }
    setTimeout(() => socket.destroy(), 1000).unref();
  };
}

/**
 * Upstream's max-in-flight and request-timeout filters. Non-mutating (GET, HEAD) and mutating requests have separate
 * limits; beyond them a request gets 429 with Retry-After. Long-running requests are exempt from both, as upstream's
 * filters exempt them; health probes are exempt from the limits too, as upstream's default priority-and-fairness
 * configuration exempts them, so a saturated server still answers its probes. Call it after the routes: hooks apply
 * to every route of the instance as long as it has not started.
 */
export function installOverloadProtection(app: FastifyInstance, limits: OverloadLimits): void {
  const readOnly = new InFlight(limits.maxRequestsInFlight);
  const mutating = new InFlight(limits.maxMutatingRequestsInFlight);
  const responses = new WeakMap<Socket, ServerResponse>();

  // One callback hook and one listener per response: these run for every request, so they stay cheap. (A set of
  // in-flight requests swept for deadlines was tried instead of a timer each: holding the replies in a long-lived
  // set kept each in-flight request's objects alive into the old generation, 40 MiB more at rest under load.)
  const timeoutMs = limits.requestTimeoutMs;
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    responses.set(request.raw.socket, reply.raw);
    const path = pathOf(request.url);
    if (isProbe(path) || isLongRunning(request, path)) return done();
    const slot = NON_MUTATING_METHODS.has(request.method) ? readOnly : mutating;
    if (!slot.tryAcquire()) {
      // A body still on its way would otherwise be read (and waited for) after the answer; close instead.
      if (!request.raw.complete) reply.header('Connection', 'close');
      sendError(reply, tooManyRequests());
      return;
    }
    let held = true;
    const release = () => {
      if (held) slot.count--;
      held = false;
    };
    // A body still arriving at the deadline is Node's to cut off (408); the handler's time is what this bounds.
    const timer = timeoutMs > 0
      ? setTimeout(() => {
        if (!request.raw.complete) return;
        release();
        answerLate(reply);
      }, timeoutMs).unref()
      : undefined;
    // 'close' follows a finished response as well as a lost connection.
    reply.raw.once('close', () => {
      release();
      clearTimeout(timer);
    });
    done();
  });

  if (timeoutMs > 0) {
    // Receiving the request is bounded by Node (a slow body or slow headers end in 408), answering it by the timer.
    const server = app.server;
    server.requestTimeout = timeoutMs;
    server.headersTimeout = Math.min(timeoutMs, MAX_HEADERS_TIMEOUT_MS);
    // Node checks those deadlines on this interval (createServer's connectionsCheckingInterval, 30 s by default,
    // read when the server starts listening): keep it well under the timeout.
    (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval =
      Math.min(30_000, Math.max(100, Math.floor(timeoutMs / 10)));
  }
  app.server.removeAllListeners('clientError');
  app.server.on('clientError', answerClientError(responses));
}

/** The handler is still busy: answer 504 now, or cut the connection if its answer has already begun. */
function answerLate(reply: FastifyReply): void {
  if (reply.sent) return;
  if (reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  sendError(reply, handlerTimeout());
}
