import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, methodNotAllowed } from '../errors.js';
import type { ResourceTable } from '../registry/resource.js';
import type { HandlerDeps, ResourceRequest } from './context.js';
import { deleteCollection, deleteObject } from './delete.js';
import { serveGroupDiscovery } from './discovery.js';
import { sendError } from './negotiate.js';
import { boolean, type Query } from './query.js';
import { getObject, listObjects } from './read.js';
import { pathOf } from './request-info.js';
import { resolveResource } from './resolve.js';
import { createBinding, createEviction, getScale, patchScale, updateScale } from './subresources.js';
import { createObject, patchObject, updateObject } from './write.js';

type Handler = (deps: HandlerDeps, r: ResourceRequest) => unknown;

/** Picks the verb handler the way upstream's installer maps method × (collection | object | subresource). */
function pickHandler(method: string, r: ResourceRequest): Handler | undefined {
  const isWatch = boolean(r.query, 'watch') === true;
  switch (r.subresource) {
    case 'status':
      return ({ GET: getObject, PUT: updateObject, PATCH: patchObject } as Record<string, Handler>)[method];
    case 'scale':
      return ({ GET: getScale, PUT: updateScale, PATCH: patchScale } as Record<string, Handler>)[method];
    case 'binding':
      return method === 'POST' ? createBinding : undefined;
    case 'eviction':
      return method === 'POST' ? createEviction : undefined;
  }
  if (r.name === undefined) {
    if (method === 'GET') return isWatch ? (deps, req) => deps.watches.serve(req) : listObjects;
    // Across all namespaces only list and watch exist upstream.
    if (r.def.namespaced && r.namespace === undefined) return undefined;
    if (method === 'POST') return createObject;
    if (method === 'DELETE') return r.def.verbs.includes('deletecollection') ? deleteCollection : undefined;
    return undefined;
  }
  if (method === 'GET') return isWatch ? (deps, req) => deps.watches.serve(req) : getObject;
  if (method === 'PUT') return updateObject;
  if (method === 'PATCH') return patchObject;
  if (method === 'DELETE') return deleteObject;
  return undefined;
}

/** One route per API root; every resource of the table is served by the same few handlers. */
export function installResourceRoutes(app: FastifyInstance, table: ResourceTable, deps: HandlerDeps): void {
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const resolved = resolveResource(table, pathOf(request.url));
    if (!resolved) return serveGroupDiscovery(table, request, reply);
    // Spelled out, not spread: V8 built a new hidden class for each request's spread copy, which cost a GET about a
    // fifth of its server CPU.
    const r: ResourceRequest = {
      def: resolved.def,
      info: resolved.info,
      namespace: resolved.namespace,
      name: resolved.name,
      subresource: resolved.subresource,
      query: request.query as Query,
      request,
      reply,
    };
    const handler = pickHandler(request.method, r);
    if (!handler) return sendError(reply, methodNotAllowed());
    try {
      return await handler(deps, r);
    } catch (err) {
      if (err instanceof ApiError) return sendError(reply, err);
      throw err;
    }
  };
  for (const root of ['/api/*', '/apis/*']) {
    app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: root, handler: handle });
  }
}
