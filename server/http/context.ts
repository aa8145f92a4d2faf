import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { CreatePrechecks } from '../precheck/pool.js';
import type { Store } from '../registry/store.js';
import type { Query } from './query.js';
import type { ResolvedResource } from './resolve.js';
import type { WatchServer } from './watch.js';

/** What a verb handler gets: the request resolved against the resource table. */
export interface ResourceRequest extends ResolvedResource {
  query: Query;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface HandlerDeps {
  store: Store;
  watches: WatchServer;
  clock: Clock;
  /** Validation workers for create bodies, when the server runs any. */
  prechecks?: CreatePrechecks;
}
