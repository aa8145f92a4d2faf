import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, resourceNotFound } from '../errors.js';
import { openApiV2, openApiV3GroupVersion, openApiV3Root, type OpenApiV2Document } from '../openapi/index.js';
import { encodeOpenApiV2 } from '../openapi/proto-v2.js';
import type { ResourceTable } from '../registry/resource.js';
import { sendError } from './negotiate.js';

const JSON_TYPE = 'application/json';
const PROTOBUF_V2 = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
/** The spelling kubectl 1.27 and 1.28 ask for; upstream answers it with the current one. */
const PROTOBUF_V2_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/** A document's serialised forms, made once: the JSON text, its ETag, and (v2 only, on first request) protobuf. */
interface Encoded {
  json: string;
  etag: string;
  protobuf?: Buffer;
}

const encoded = new WeakMap<object, Encoded>();

function encodedJson(doc: object): Encoded {
  let out = encoded.get(doc);
  if (!out) {
    const json = JSON.stringify(doc);
    // Upstream's ETag: the SHA-512 of the JSON form in upper-case hex, shared by every representation.
    out = { json, etag: `"${createHash('sha512').update(json).digest('hex').toUpperCase()}"` };
    encoded.set(doc, out);
  }
  return out;
}

function encodedProtobuf(doc: OpenApiV2Document): Buffer {
  const out = encodedJson(doc);
  out.protobuf ??= Buffer.from(encodeOpenApiV2(doc));
  return out.protobuf;
}

interface Representation {
  /** What an Accept clause is matched against. */
  mediaType: string;
  contentType: string;
  body: () => string | Buffer;
}

/** The Accept header's media ranges, most preferred first (by q, then the more specific), as goautoneg orders them. */
function acceptedRanges(accept: string | undefined): Array<[string, string]> {
  return (accept || '*/*')
    .split(',')
    .map((clause, index) => {
      const [range, ...params] = clause.split(';').map((part) => part.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      const [type, subtype] = range.split('/');
      return { type, subtype, q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter((clause) => clause.subtype !== undefined && clause.q > 0)
    .sort((a, b) => b.q - a.q || Number(a.type === '*') - Number(b.type === '*') ||
      Number(a.subtype === '*') - Number(b.subtype === '*') || a.index - b.index)
    .map(({ type, subtype }) => [type, subtype]);
}

function negotiate(request: FastifyRequest, offered: Representation[]): Representation | undefined {
  for (const [type, subtype] of acceptedRanges(request.headers.accept)) {
    const match = offered.find((r) => {
      const [offeredType, offeredSubtype] = r.mediaType.split('/');
      return (type === '*' || type === offeredType) && (subtype === '*' || subtype === offeredSubtype);
    });
    if (match) return match;
  }
  return undefined;
}

function notAcceptable(request: FastifyRequest, offered: Representation[]): ApiError {
  const types = [...new Set(offered.map((r) => r.contentType))].join(', ');
  return new ApiError(406, 'NotAcceptable', `only the following media types are accepted: ${types} (requested: ${request.headers.accept})`);
}

function ifNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}

function sendDocument(request: FastifyRequest, reply: FastifyReply, doc: object | undefined, offered: Representation[]) {
  if (!doc) return sendError(reply, resourceNotFound());
  reply.header('Vary', 'Accept');
  const chosen = negotiate(request, offered);
  if (!chosen) return sendError(reply, notAcceptable(request, offered));
  const { etag } = encodedJson(doc);
  reply.header('ETag', etag);
  // Documents addressed by hash never change, so clients may cache them for good, as upstream allows.
  if ((request.query as Record<string, unknown>).hash) reply.header('Cache-Control', 'public, immutable');
  if (ifNoneMatch(request, etag)) return reply.code(304).send();
  return reply.type(chosen.contentType).send(chosen.body());
}

const jsonOf = (doc: object): Representation => ({ mediaType: JSON_TYPE, contentType: JSON_TYPE, body: () => encodedJson(doc).json });

/** JSON or, for kubectl 1.27/1.28's `--validate` and `explain`, gnostic protobuf; JSON first, as upstream offers. */
function openApiV2Representations(doc: OpenApiV2Document): Representation[] {
  const protobuf = () => encodedProtobuf(doc);
  return [
    jsonOf(doc),
    { mediaType: PROTOBUF_V2_DEPRECATED, contentType: PROTOBUF_V2, body: protobuf },
    { mediaType: PROTOBUF_V2, contentType: PROTOBUF_V2, body: protobuf },
  ];
}

/** /openapi/v2 and /openapi/v3[/api/v1|/apis/<group>/<version>], generated from the resource table. */
export function installOpenApiRoutes(app: FastifyInstance, table: ResourceTable, kubeVersion: string): void {
  app.get('/openapi/v2', async (request, reply) => {
    const doc = openApiV2(table, kubeVersion);
    return sendDocument(request, reply, doc, openApiV2Representations(doc));
  });
  const v3 = (request: FastifyRequest, reply: FastifyReply, doc: object | undefined) =>
    sendDocument(request, reply, doc, doc ? [jsonOf(doc)] : []);
  app.get('/openapi/v3', async (request, reply) => v3(request, reply, openApiV3Root(table, undefined, kubeVersion)));
  app.get('/openapi/v3/api/:version', async (request, reply) => {
    const { version } = request.params as { version: string };
    return v3(request, reply, openApiV3GroupVersion(table, '', version, kubeVersion));
  });
  app.get('/openapi/v3/apis/:group/:version', async (request, reply) => {
    const { group, version } = request.params as { group: string; version: string };
    return v3(request, reply, openApiV3GroupVersion(table, group, version, kubeVersion));
  });
}
