import type { FastifyReply, FastifyRequest } from 'fastify';
import YAML from 'yaml';
import { ApiError, badRequest, unsupportedMediaType } from '../errors.js';
import { PATCH_CONTENT_TYPES, type PatchType } from '../registry/patch/apply.js';
import { toJson } from '../registry/serialized.js';

export type OutputFormat = 'json' | 'yaml';

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

function parseYaml(text: string): unknown {
  try {
    return YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}

function bodyText(request: FastifyRequest): string {
  const raw = request.body;
  if (raw === undefined || raw === null) return '';
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

/** The body of a create or update: JSON (also when no Content-Type is sent, as `kubectl scale` does) or YAML. */
export function decodeObjectBody(request: FastifyRequest): unknown {
  const type = mediaType(request.headers['content-type']);
  const text = bodyText(request);
  if (text.trim() === '') throw badRequest('the body of the request was in an unknown format or empty');
  if (type === '' || type === 'application/json' || type === '*/*') return parseJson(text);
  if (type === 'application/yaml' || type === 'application/x-yaml' || type === 'text/yaml') return parseYaml(text);
  throw unsupportedMediaType(type);
}

export function decodePatchBody(request: FastifyRequest): { patchType: PatchType; patch: unknown } {
  const type = mediaType(request.headers['content-type']);
  const patchType = PATCH_CONTENT_TYPES[type];
  if (!patchType) throw unsupportedMediaType(type || '(none)');
  const text = bodyText(request);
  if (text.trim() === '') throw badRequest('the body of the request was in an unknown format or empty');
  return { patchType, patch: patchType === 'apply' ? parseYaml(text) : parseJson(text) };
}

/**
 * A DELETE body is optional; JSON or YAML DeleteOptions are read, and any other format (drain's protobuf
 * fallback) is ignored rather than refused, because client-go never retries it as JSON.
 */
export function decodeOptionalBody(request: FastifyRequest): unknown {
  const text = bodyText(request);
  if (text.trim() === '') return undefined;
  const type = mediaType(request.headers['content-type']);
  if (type === '' || type === 'application/json') return parseJson(text);
  if (type === 'application/yaml') return parseYaml(text);
  return undefined;
}

/** JSON unless the client asks for YAML ahead of JSON; protobuf requests get JSON, as the apiserver allows. */
export function outputFormat(request: FastifyRequest): OutputFormat {
  const accept = request.headers.accept ?? '';
  for (const part of accept.split(',')) {
    const type = mediaType(part);
    if (type === 'application/yaml') return 'yaml';
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  }
  return 'json';
}

export function send(request: FastifyRequest, reply: FastifyReply, code: number, body: unknown, warnings: string[] = []): FastifyReply {
  if (warnings.length > 0) reply.header('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
  if (outputFormat(request) === 'yaml') {
    return reply.code(code).type('application/yaml').send(YAML.stringify(body));
  }
  return reply.code(code).type('application/json').send(toJson(body));
}

export function sendError(reply: FastifyReply, err: ApiError): FastifyReply {
  if (err.details?.retryAfterSeconds) reply.header('Retry-After', String(err.details.retryAfterSeconds));
  return reply.code(err.code).type('application/json').send(JSON.stringify(err.toStatus()));
}
