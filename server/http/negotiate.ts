import type { FastifyReply, FastifyRequest } from 'fastify';
import YAML from 'yaml';
import { ApiError, badRequest, unsupportedMediaType } from '../errors.js';
import { decodeProtobufBody } from '../protobuf/body.js';
import { PROTOBUF_MEDIA_TYPE, protobufCodec, type KindRef } from '../protobuf/index.js';
import { PATCH_CONTENT_TYPES, type PatchType } from '../registry/patch/apply.js';
import { assertJsonDepth, noteDuplicateFields, noteDuplicateYamlKeys } from '../registry/duplicate-fields.js';
import { mayHoldLoneSurrogates, wellFormed } from './well-formed.js';
import { isPlainObject } from '../registry/json-value.js';
import { warningHeaderValues } from './warning-header.js';
import { toJson } from '../registry/serialized.js';

export type OutputFormat = 'json' | 'yaml' | 'protobuf';
/** A form a response can take: an encoding of the object itself, or a Table (always JSON) of that version. */
export type OutputChoice = OutputFormat | 'table:v1' | 'table:v1beta1';

interface AcceptClause {
  type: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(accept: string): AcceptClause[] {
  const clauses = accept.split(',').map((part) => {
    const [type, ...rest] = part.split(';');
    const params: Record<string, string> = {};
    for (const param of rest) {
      const eq = param.indexOf('=');
      if (eq > 0) params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim();
    }
    const q = params.q === undefined ? 1 : Number(params.q);
    return { type: type.trim().toLowerCase(), params, q: Number.isNaN(q) ? 0 : q };
  });
  // As upstream's goautoneg orders them: by quality, then concrete types before wildcards, else as sent.
  const specificity = (c: AcceptClause) => (c.type === '*/*' ? 0 : c.type.endsWith('/*') ? 1 : 2);
  return clauses.sort((a, b) => b.q - a.q || specificity(b) - specificity(a));
}

/**
 * What one Accept clause asks for, or undefined when we cannot serve it. A Table (`as=Table;g=meta.k8s.io;v=v1`)
 * is JSON even when asked for in protobuf, which cannot carry it; other conversions (`as=PartialObjectMetadata`)
 * get the full object in JSON and are skipped in protobuf, so such a client falls back to its next clause.
 */
function clauseChoice({ type, params }: AcceptClause): OutputChoice | undefined {
  const stream = params.stream;
  if (stream && (stream !== 'watch' || type === 'application/yaml')) return undefined;
  if (params.as !== undefined && (type === 'application/json' || type === PROTOBUF_MEDIA_TYPE)) {
    const table = params.as === 'Table' && params.g === 'meta.k8s.io' && (params.v === 'v1' || params.v === 'v1beta1');
    if (table) return `table:${params.v as 'v1' | 'v1beta1'}`;
    return type === 'application/json' ? 'json' : undefined;
  }
  if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  if (type === 'application/yaml') return 'yaml';
  if (type === PROTOBUF_MEDIA_TYPE) return 'protobuf';
  return undefined;
}

/** Clients send the same few Accept headers over and over: each is parsed once. */
const CHOICES = new Map<string, OutputChoice[]>();
const MAX_CACHED_HEADERS = 256;

function acceptedChoices(accept: string): OutputChoice[] {
  let choices = CHOICES.get(accept);
  if (!choices) {
    choices = parseAccept(accept).map(clauseChoice).filter((c): c is OutputChoice => c !== undefined);
    if (CHOICES.size >= MAX_CACHED_HEADERS) CHOICES.clear();
    CHOICES.set(accept, choices);
  }
  return choices;
}

/**
 * The client's most preferred form we can produce; protobuf only where `protobufOk` says the object has a message
 * (asked lazily, so JSON clients never build the protobuf tables). JSON when nothing acceptable is left, as upstream.
 */
export function chooseOutput(accept: string | undefined, protobufOk: () => boolean): OutputChoice {
  if (!accept) return 'json';
  for (const choice of acceptedChoices(accept)) {
    if (choice !== 'protobuf' || protobufOk()) return choice;
  }
  return 'json';
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** V8 quotes the text around a syntax error; the body may be a Secret, so only the offending token is kept. */
function jsonSyntaxError(err: Error): string {
  return err.message.replace(/, ".*" is not valid JSON$/s, '');
}

/** An object body's JSON, with any duplicate fields noted for fieldValidation to judge. */
export function parseObjectJson(text: string): unknown {
  const value = parseJson(text);
  noteDuplicateFields(value, text);
  return value;
}

function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${jsonSyntaxError(err as Error)}`);
  }
  return mayHoldLoneSurrogates(text) ? wellFormed(value) : value;
}

/** Duplicate keys are kept (the last wins, as upstream's YAML-to-JSON conversion does) and noted, not refused. */
function parseYaml(text: string): unknown {
  const lines = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { uniqueKeys: false, lineCounter: lines, logLevel: 'error' });
  const [error] = doc.errors;
  if (error) throw badRequest(`error converting YAML to JSON: ${error.message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (mayHoldLoneSurrogates(text)) value = wellFormed(value);
  noteDuplicateYamlKeys(value, doc, lines);
  return value;
}

function bodyBytes(request: FastifyRequest): Buffer {
  const raw = request.body;
  if (raw === undefined || raw === null) return Buffer.alloc(0);
  return Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw));
}

const EMPTY_BODY = 'the body of the request was in an unknown format or empty';

/** JSON, also when no Content-Type is sent (as `kubectl scale` does) or any type is claimed. */
function isJsonBody(mediaTypeName: string): boolean {
  return mediaTypeName === '' || mediaTypeName === 'application/json' || mediaTypeName === '*/*';
}

/** Whether the request body is protobuf: such bodies have no unknown fields to report, whatever fieldValidation says. */
export function isProtobufBody(request: FastifyRequest): boolean {
  return mediaType(request.headers['content-type']) === PROTOBUF_MEDIA_TYPE;
}

/**
 * The body of a create or update: JSON (also when no Content-Type is sent, as `kubectl scale` does), YAML, or
 * protobuf, which is decoded as an object of `into` unless its envelope names another kind.
 */
export function decodeObjectBody(request: FastifyRequest, into: KindRef): unknown {
  const type = mediaType(request.headers['content-type']);
  const bytes = bodyBytes(request);
  if (type === PROTOBUF_MEDIA_TYPE) {
    if (bytes.length === 0) throw badRequest(EMPTY_BODY);
    return decodeProtobufBody(bytes, into);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw badRequest(EMPTY_BODY);
  if (isJsonBody(type)) return parseObjectJson(text);
  if (type === 'application/yaml' || type === 'application/x-yaml' || type === 'text/yaml') return parseYaml(text);
  throw unsupportedMediaType(type);
}

/** The text of a JSON object body (what a validation worker can check); undefined for other bodies. */
export function jsonBodyText(request: FastifyRequest): string | undefined {
  const type = mediaType(request.headers['content-type']);
  if (!isJsonBody(type)) return undefined;
  const text = bodyBytes(request).toString('utf8');
  return text.trim() === '' ? undefined : text;
}

export function decodePatchBody(request: FastifyRequest): { patchType: PatchType; patch: unknown } {
  const type = mediaType(request.headers['content-type']);
  const patchType = PATCH_CONTENT_TYPES[type];
  if (!patchType) throw unsupportedMediaType(type || '(none)');
  const text = bodyBytes(request).toString('utf8');
  if (text.trim() === '') throw badRequest(EMPTY_BODY);
  const patch = patchType === 'apply' ? parseYaml(text) : parseJson(text);
  assertJsonDepth(patch);
  return { patchType, patch };
}

/**
 * A DELETE body is optional; JSON, YAML and protobuf DeleteOptions (kubectl drain's fallback sends protobuf) are
 * read, and any other format is ignored rather than refused.
 */
export function decodeOptionalBody(request: FastifyRequest, into: KindRef): unknown {
  const bytes = bodyBytes(request);
  const type = mediaType(request.headers['content-type']);
  if (type === PROTOBUF_MEDIA_TYPE) return bytes.length === 0 ? undefined : decodeProtobufBody(bytes, into);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  if (type === '' || type === 'application/json') return parseJson(text);
  if (type === 'application/yaml') return parseYaml(text);
  return undefined;
}

function hasMessage(body: unknown): boolean {
  return isPlainObject(body) && protobufCodec().canEncode(body.apiVersion, body.kind);
}

/** The form a body goes out in: the first the client accepts that can carry it; JSON when none can. */
function outputFormat(accept: string | undefined, body: unknown): OutputFormat {
  const choice = chooseOutput(accept, () => hasMessage(body));
  return choice === 'protobuf' || choice === 'yaml' ? choice : 'json';
}

export function send(request: FastifyRequest, reply: FastifyReply, code: number, body: unknown, warnings: string[] = []): FastifyReply {
  if (warnings.length > 0) reply.header('Warning', warningHeaderValues(warnings));
  const format = outputFormat(request.headers.accept, body);
  if (format === 'protobuf') {
    return reply.code(code).type(PROTOBUF_MEDIA_TYPE).send(protobufCodec().encodeStored(body as Record<string, unknown>));
  }
  if (format === 'yaml') return reply.code(code).type('application/yaml').send(YAML.stringify(body));
  return reply.code(code).type('application/json').send(toJson(body));
}

/** An error as a Status: protobuf for a client that prefers it, JSON otherwise. */
export function sendError(reply: FastifyReply, err: ApiError): FastifyReply {
  if (err.details?.retryAfterSeconds) reply.header('Retry-After', String(err.details.retryAfterSeconds));
  const status = err.toStatus();
  if (outputFormat(reply.request.headers.accept, status) === 'protobuf') {
    return reply.code(err.code).type(PROTOBUF_MEDIA_TYPE).send(protobufCodec().encode({ ...status }));
  }
  return reply.code(err.code).type('application/json').send(JSON.stringify(status));
}
