import type { FastifyRequest } from 'fastify';
import type { KubeObject } from '../../schemas/meta.js';
import { badRequest } from '../errors.js';
import { DEFAULT_PRINTER, PRINTERS } from '../printers/index.js';
import { toTable, type IncludeObject, type TableOptions } from '../printers/table.js';
import { PROTOBUF_MEDIA_TYPE, protobufCodec } from '../protobuf/index.js';
import type { ListResult } from '../registry/list.js';
import type { ResourceDef } from '../registry/resource.js';
import type { HandlerDeps, ResourceRequest } from './context.js';
import { chooseOutput, send, type OutputChoice } from './negotiate.js';
import { first, type Query } from './query.js';

/** How the client wants objects of this resource: JSON, YAML, protobuf or a Table, whichever it prefers. */
export function outputFor(def: ResourceDef, headers: FastifyRequest['headers']): OutputChoice {
  return chooseOutput(headers.accept, () => protobufCodec().canEncode(def.apiVersion, def.kind));
}

function includeObject(query: Query): IncludeObject {
  const value = first(query, 'includeObject') ?? 'Metadata';
  if (value !== 'None' && value !== 'Metadata' && value !== 'Object') {
    throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`);
  }
  return value;
}

export function printerFor(def: ResourceDef) {
  return PRINTERS[def.key] ?? DEFAULT_PRINTER;
}

/** Table options for a negotiated output, or undefined when the client wants objects. */
export function tableOptions(output: OutputChoice, query: Query, now: number): Omit<TableOptions, 'withColumns'> | undefined {
  if (!output.startsWith('table:')) return undefined;
  return { apiVersion: `meta.k8s.io/${output.slice('table:'.length)}`, includeObject: includeObject(query), now };
}

function sendTable(r: ResourceRequest, code: number, items: KubeObject[], table: Omit<TableOptions, 'withColumns'>, listMeta: Record<string, unknown>) {
  const body = toTable(printerFor(r.def), items, { ...table, withColumns: true, listMeta });
  r.reply.header('Content-Type', `application/json;as=Table;v=${table.apiVersion.split('/')[1]};g=meta.k8s.io`);
  // A Buffer keeps Fastify from rewriting the media type's parameters.
  return r.reply.code(code).send(Buffer.from(JSON.stringify(body)));
}

/** An object, as JSON, YAML, protobuf or a one-row Table, whichever the client asked for. */
export function sendObject({ clock }: HandlerDeps, r: ResourceRequest, code: number, obj: KubeObject, warnings: string[] = []) {
  const table = r.subresource ? undefined : tableOptions(outputFor(r.def, r.request.headers), r.query, clock.now());
  if (table) return sendTable(r, code, [obj], table, { resourceVersion: obj.metadata.resourceVersion });
  return send(r.request, r.reply, code, obj, warnings);
}

/** A list, as a <Kind>List or a Table carrying the same list metadata. */
export function sendList({ clock }: HandlerDeps, r: ResourceRequest, result: ListResult) {
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  const output = outputFor(r.def, r.request.headers);
  const table = tableOptions(output, r.query, clock.now());
  if (table) return sendTable(r, 200, result.items, table, metadata);
  if (output === 'json') {
    // The stored JSON of each item goes out as it is: no parse and re-serialise per object.
    const head = `{"kind":${JSON.stringify(r.def.listKind)},"apiVersion":${JSON.stringify(r.def.apiVersion)},"metadata":${JSON.stringify(metadata)},"items":[`;
    return r.reply.code(200).type('application/json').send(`${head}${result.raw.join(',')}]}`);
  }
  const list = { kind: r.def.listKind, apiVersion: r.def.apiVersion, metadata, items: result.items };
  if (output === 'protobuf') return r.reply.code(200).type(PROTOBUF_MEDIA_TYPE).send(protobufCodec().encode(list));
  return send(r.request, r.reply, 200, list);
}

/** A stored object as it is stored (JSON text or its UTF-8 bytes), when the client wants plain JSON; otherwise like sendObject. */
export function sendStored(deps: HandlerDeps, r: ResourceRequest, raw: string | Buffer, code = 200) {
  const output = outputFor(r.def, r.request.headers);
  if (output === 'json') return r.reply.code(code).type('application/json').send(raw);
  const obj = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8')) as KubeObject;
  if (output === 'protobuf' || r.subresource) return send(r.request, r.reply, code, obj);
  return sendObject(deps, r, code, obj);
}
