import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { admitRequest, isOpen, openAccess, type AccessControl } from './auth/access-control.js';
import { installAccessReviewRoutes } from './auth/access-review.js';
import type { Clock } from './clock.js';
import type { ResourceTable } from './registry/resource.js';
import type { Store } from './registry/store.js';
import { ApiError, badRequest, entityTooLarge, internalError, resourceNotFound } from './errors.js';
import { installDiscoveryRoutes } from './http/discovery.js';
import { installOpenApiRoutes } from './http/openapi.js';
import { installHealthRoutes, type HealthCheck } from './http/health.js';
import { installMetricsRoute } from './http/metrics.js';
import { DEFAULT_OVERLOAD_LIMITS, installOverloadProtection, type OverloadLimits } from './http/overload.js';
import { sendError } from './http/negotiate.js';
import { installResourceRoutes } from './http/resource-routes.js';
import type { CreatePrechecks } from './precheck/pool.js';
import type { WatchServer } from './http/watch.js';

/** Upstream's request body limit (3 MiB); objects themselves are limited further by the store. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface AppDeps {
  store: Store;
  table: ResourceTable;
  watches: WatchServer;
  kubeVersion: string;
  clock: Clock;
  logger: FastifyServerOptions['logger'];
  healthChecks?: HealthCheck[];
  hubSubscribers?: () => number;
  /** Authentication and authorization; without it every request is allowed, as before. */
  access?: AccessControl;
  /** Serve HTTPS; with clientCa, client certificates are requested and verified against it. */
  https?: { cert: string; key: string; clientCa?: string };
  overload?: OverloadLimits;
  /** Validation workers for create bodies. */
  prechecks?: CreatePrechecks;
}

/**
 * What the request log may show: the request line and the peer, never headers (bearer tokens) or bodies (Secret
 * data); Fastify's own default is the same, and this keeps it so whatever Fastify's defaults become.
 */
const LOG_SERIALIZERS = {
  req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.ip }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

/**
 * A line per request costs a loaded server about a quarter of its throughput; upstream's apiserver too logs requests
 * only at raised verbosity, so they are logged at debug and trace only.
 */
function logsRequests(logger: AppDeps['logger']): boolean {
  if (logger === true) return false;
  const level = logger && typeof logger === 'object' && 'level' in logger ? logger.level : undefined;
  return level === 'debug' || level === 'trace';
}

function loggerOptions(logger: AppDeps['logger']): FastifyServerOptions['logger'] {
  if (logger === true) return { level: 'info', serializers: LOG_SERIALIZERS };
  if (logger && typeof logger === 'object' && !('child' in logger)) return { serializers: LOG_SERIALIZERS, ...logger };
  return logger;
}

function httpsOptions(https: NonNullable<AppDeps['https']>) {
  // Certificates that fail verification are still accepted at the TLS layer: the authenticator answers them
  // with 401, as upstream's does, instead of a handshake error the client cannot read.
  return https.clientCa
    ? { cert: https.cert, key: https.key, ca: https.clientCa, requestCert: true, rejectUnauthorized: false }
    : { cert: https.cert, key: https.key };
}

/** A refused WebSocket upgrade: the Status as a plain HTTP response, then the connection closes. */
function refuseUpgrade(socket: Duplex, err: ApiError): void {
  const body = JSON.stringify(err.toStatus());
  socket.end(
    `HTTP/1.1 ${err.code} ${STATUS_CODES[err.code] ?? err.reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** How much of an oversized body is read and thrown away so that its sender, still writing, gets to read the 413. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

/**
 * Fastify refuses an oversized body before reading it and closes the connection: a client still sending would see
 * the connection reset instead of the answer. Like Go's server, read on (up to a bound) before answering.
 */
function afterDraining(raw: IncomingMessage, answer: () => unknown): Promise<void> {
  return new Promise((resolve) => {
    let drained = 0;
    let answered = false;
    const finish = () => {
      if (answered) return;
      answered = true;
      raw.removeListener('data', count);
      answer();
      resolve();
    };
    const count = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAIN_BYTES) finish();
    };
    if (raw.complete || raw.destroyed) return finish();
    raw.on('data', count);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    raw.resume();
  });
}

/** Builds the HTTP surface; never listens, so tests can drive it with inject() on a :memory: store. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    ...(deps.https ? { https: httpsOptions(deps.https) } : {}),
    logger: loggerOptions(deps.logger),
    logController: new LogController({ disableRequestLogging: !logsRequests(deps.logger) }),
    bodyLimit: MAX_BODY_BYTES,
    // Label selectors and continue tokens can be long; upstream has no lower limit than Node's header limit.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    return503OnClosing: true,
    // Fastify's own refusals (a path with a broken percent-escape, say) get a Status like every other error.
    frameworkErrors: (err, _request, reply) => {
      sendError(reply, badRequest(err.message));
    },
  });
  // kubectl sends patch bodies, YAML and requests without a Content-Type: take every body as bytes and let the
  // negotiation module decide what it is.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Group commit: a response leaves only once every write made so far is durable, so nothing is acknowledged (or
  // shown to a reader) before it is committed.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    if (!deps.store.commitPending()) return done(null, payload);
    deps.store.settled().then(() => done(null, payload), (err: Error) => done(err));
  });

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof ApiError) return sendError(reply, err);
    const code = (err as { statusCode?: number }).statusCode;
    if (code === 413) return afterDraining(request.raw, () => sendError(reply, entityTooLarge(`Request entity too large: limit is ${MAX_BODY_BYTES}`)));
    if (code !== undefined && code >= 400 && code < 500) {
      return sendError(reply, new ApiError(code, code === 415 ? "UnsupportedMediaType" : "BadRequest", (err as Error).message));
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, internalError('the server could not complete the request'));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, resourceNotFound()));

  const access = deps.access ?? openAccess();
  const guarded = !isOpen(access);
  // Authentication and authorization come before routing and body parsing, for every path, as upstream's filters.
  if (guarded) {
    app.addHook('onRequest', async (request, reply) => {
      const refused = admitRequest(access, request.raw);
      if (refused) return sendError(reply, refused);
    });
  }
  const reviews = deps.table.find('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews');
  if (reviews) installAccessReviewRoutes(app, reviews, access.authorizer);

  installHealthRoutes(app, deps.kubeVersion, deps.healthChecks ?? [{ name: 'ping', check: () => true }]);
  installMetricsRoute(app, {
    watches: () => deps.watches.activeCount,
    hubSubscribers: deps.hubSubscribers ?? (() => 0),
    resourceVersion: () => deps.store.currentRv(),
    prechecks: () => deps.prechecks?.counts,
  });
  installDiscoveryRoutes(app, deps.table);
  installOpenApiRoutes(app, deps.table, deps.kubeVersion);
  installResourceRoutes(app, deps.table, { store: deps.store, watches: deps.watches, clock: deps.clock, prechecks: deps.prechecks });
  app.server.on('upgrade', (request, socket, head) => {
    const refused = guarded ? admitRequest(access, request) : undefined;
    if (refused) return refuseUpgrade(socket, refused);
    deps.watches.upgrade(request, socket, head);
  });
  installOverloadProtection(app, deps.overload ?? DEFAULT_OVERLOAD_LIMITS);
  return app;
}
