import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resourceNotFound } from '../errors.js';
import { openApiV2, openApiV3GroupVersion, openApiV3Root } from '../openapi/index.js';
import type { ResourceTable } from '../registry/resource.js';
import { mediaType, sendError } from './negotiate.js';

const documents = new WeakMap<object, string>();

function serialised(doc: object): string {
  let text = documents.get(doc);
  if (text === undefined) {
    text = JSON.stringify(doc);
    documents.set(doc, text);
  }
  return text;
}

/** Only a JSON client gets JSON: kubectl asks for the protobuf form of v2 and treats a 404 as "no OpenAPI". */
function acceptsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return true;
  return accept.split(',').some((part) => ['application/json', '*/*', 'application/*'].includes(mediaType(part)));
}

function sendDocument(request: FastifyRequest, reply: FastifyReply, doc: object | undefined) {
  if (!doc || !acceptsJson(request)) return sendError(reply, resourceNotFound());
  // Documents addressed by hash never change, so clients may cache them for good, as upstream allows.
  if ((request.query as Record<string, unknown>).hash) reply.header('Cache-Control', 'public, immutable');
  return reply.type('application/json').send(serialised(doc));
}

/** /openapi/v2 and /openapi/v3[/api/v1|/apis/<group>/<version>], generated from the resource table. */
export function installOpenApiRoutes(app: FastifyInstance, table: ResourceTable, kubeVersion: string): void {
  app.get('/openapi/v2', async (request, reply) => sendDocument(request, reply, openApiV2(table, kubeVersion)));
  app.get('/openapi/v3', async (request, reply) => sendDocument(request, reply, openApiV3Root(table, undefined, kubeVersion)));
  app.get('/openapi/v3/api/:version', async (request, reply) => {
    const { version } = request.params as { version: string };
    return sendDocument(request, reply, openApiV3GroupVersion(table, '', version, kubeVersion));
  });
  app.get('/openapi/v3/apis/:group/:version', async (request, reply) => {
    const { group, version } = request.params as { group: string; version: string };
    return sendDocument(request, reply, openApiV3GroupVersion(table, group, version, kubeVersion));
  });
}
