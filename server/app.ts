import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Clock } from './clock.js';
import type { ResourceTable } from './registry/resource.js';
import type { Store } from './registry/store.js';
import { ApiError, entityTooLarge, internalError, resourceNotFound } from './errors.js';
import { installDiscoveryRoutes } from './http/discovery.js';
import { installOpenApiRoutes } from './http/openapi.js';
import { installHealthRoutes, type HealthCheck } from './http/health.js';
import { installMetricsRoute } from './http/metrics.js';
import { sendError } from './http/negotiate.js';
import { installResourceRoutes } from './http/resource-routes.js';
import type { WatchServer } from './http/watch.js';

/** Upstream's request body limit (3 MiB); objects themselves are limited further by the store. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface AppDeps {
  store: Store;
  table: ResourceTable;
  watches: WatchServer;
  kubeVersion: string;
  clock: Clock;
  logger: FastifyBaseLogger | boolean | { level: string };
  healthChecks?: HealthCheck[];
  hubSubscribers?: () => number;
}

/** Builds the HTTP surface; never listens, so tests can drive it with inject() on a :memory: store. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: deps.logger === true ? { level: 'info' } : deps.logger,
    bodyLimit: MAX_BODY_BYTES,
    // Label selectors and continue tokens can be long; upstream has no lower limit than Node's header limit.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    return503OnClosing: true,
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
    if (code === 413) return sendError(reply, entityTooLarge(`Request entity too large: limit is ${MAX_BODY_BYTES}`));
    if (code !== undefined && code >= 400 && code < 500) {
      return sendError(reply, new ApiError(code, code === 415 ? "UnsupportedMediaType" : "BadRequest", (err as Error).message));
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, internalError('the server could not complete the request'));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, resourceNotFound()));

  installHealthRoutes(app, deps.kubeVersion, deps.healthChecks ?? [{ name: 'ping', check: () => true }]);
  installMetricsRoute(app, {
    watches: () => deps.watches.activeCount,
    hubSubscribers: deps.hubSubscribers ?? (() => 0),
    resourceVersion: () => deps.store.currentRv(),
  });
  installDiscoveryRoutes(app, deps.table);
  installOpenApiRoutes(app, deps.table, deps.kubeVersion);
  installResourceRoutes(app, deps.table, { store: deps.store, watches: deps.watches, clock: deps.clock });
  app.server.on('upgrade', (request, socket, head) => deps.watches.upgrade(request, socket, head));
  return app;
}
