import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aggregatedDiscovery, legacyDiscovery, type AggregatedVersion } from '../discovery/documents.js';
import type { ResourceTable } from '../registry/resource.js';
import { resourceNotFound } from '../errors.js';
import { sendError } from './negotiate.js';
import { pathOf } from './request-info.js';

const AGGREGATED = /^application\/json;\s*g=apidiscovery\.k8s\.io;\s*v=(v2|v2beta1);\s*as=APIGroupDiscoveryList$/;

/** The first aggregated-discovery version the Accept header asks for, in the client's order. */
function requestedAggregation(accept: string | undefined): AggregatedVersion | undefined {
  for (const part of (accept ?? '').split(',')) {
    const media = part.trim().split(';').filter((p) => !p.trim().startsWith('q=')).map((p) => p.trim()).join(';');
    const match = AGGREGATED.exec(media);
    if (match) return match[1] as AggregatedVersion;
    if (media === 'application/json' || media === '*/*') return undefined;
  }
  return undefined;
}

interface Cached {
  body: string;
  etag: string;
}

/** Serves discovery: aggregated documents when asked for them (kubectl 1.27+), the legacy ones otherwise. */
export function installDiscoveryRoutes(app: FastifyInstance, table: ResourceTable): void {
  const cache = new Map<string, Cached>();
  const cached = (key: string, build: () => unknown): Cached | undefined => {
    let entry = cache.get(key);
    if (!entry) {
      const doc = build();
      if (doc === undefined) return undefined;
      const body = JSON.stringify(doc);
      entry = { body, etag: `"${createHash('sha512').update(body).digest('hex').slice(0, 32).toUpperCase()}"` };
      cache.set(key, entry);
    }
    return entry;
  };
  const serve = (request: FastifyRequest, reply: FastifyReply, entry: Cached, contentType: string) => {
    reply.header('Vary', 'Accept').header('ETag', entry.etag).header('Cache-Control', 'public');
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    // A Buffer keeps Fastify from rewriting the media type's parameters, which kubectl matches literally.
    return reply.header('Content-Type', contentType).send(Buffer.from(entry.body));
  };
  for (const root of ['api', 'apis'] as const) {
    app.get(`/${root}`, async (request, reply) => {
      const version = requestedAggregation(request.headers.accept);
      if (version) {
        const entry = cached(`${root}:${version}`, () => aggregatedDiscovery(table, root, version))!;
        return serve(request, reply, entry, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`);
      }
      return serve(request, reply, cached(root, () => legacyDiscovery(table, `/${root}`))!, 'application/json');
    });
  }
}

/** A legacy group or group-version document for `path`, or a 404 Status. */
export function serveGroupDiscovery(table: ResourceTable, request: FastifyRequest, reply: FastifyReply) {
  const doc = request.method === 'GET' ? legacyDiscovery(table, pathOf(request.url)) : undefined;
  if (doc === undefined) return sendError(reply, resourceNotFound());
  return reply.type('application/json').send(JSON.stringify(doc));
}
