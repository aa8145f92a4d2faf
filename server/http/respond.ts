import type { FastifyRequest } from 'fastify';
import type { KubeObject } from '../../schemas/meta.js';
import { badRequest } from '../errors.js';
import { DEFAULT_PRINTER, PRINTERS } from '../printers/index.js';
import { toTable, type IncludeObject, type TableOptions } from '../printers/table.js';
import type { ListResult } from '../registry/list.js';
import type { ResourceDef } from '../registry/resource.js';
import type { HandlerDeps, ResourceRequest } from './context.js';
import { mediaType, outputFormat, send } from './negotiate.js';
import { first, type Query } from './query.js';

const TABLE = /^application\/json;\s*as=Table;\s*v=(v1|v1beta1);\s*g=meta\.k8s\.io$/;

/** The Table version a client asks for ahead of plain JSON, if any (kubectl get sends v1, then v1beta1, then JSON). */
export function requestedTable(accept: string | undefined): string | undefined {
  for (const part of (accept ?? '').split(',')) {
    const params = part.split(';').map((p) => p.trim()).filter((p) => p && !p.startsWith('q='));
    const match = TABLE.exec(params.join(';'));
    if (match) return `meta.k8s.io/${match[1]}`;
    if (['application/json', 'application/yaml', '*/*'].includes(mediaType(part))) return undefined;
  }
  return undefined;
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

/** Table options for this request, or undefined when the client wants objects. */
export function tableOptions(request: FastifyRequest | { headers: FastifyRequest['headers'] }, query: Query, now: number): Omit<TableOptions, 'withColumns'> | undefined {
  const apiVersion = requestedTable(request.headers.accept);
  if (!apiVersion) return undefined;
  return { apiVersion, includeObject: includeObject(query), now };
}

function sendTable(r: ResourceRequest, code: number, items: KubeObject[], table: Omit<TableOptions, 'withColumns'>, listMeta: Record<string, unknown>) {
  const body = toTable(printerFor(r.def), items, { ...table, withColumns: true, listMeta });
  r.reply.header('Content-Type', `application/json;as=Table;v=${table.apiVersion.split('/')[1]};g=meta.k8s.io`);
  // A Buffer keeps Fastify from rewriting the media type's parameters.
  return r.reply.code(code).send(Buffer.from(JSON.stringify(body)));
}

/** An object, as JSON, YAML or a one-row Table, whichever the client asked for. */
export function sendObject({ clock }: HandlerDeps, r: ResourceRequest, code: number, obj: KubeObject, warnings: string[] = []) {
  const table = r.subresource ? undefined : tableOptions(r.request, r.query, clock.now());
  if (table) return sendTable(r, code, [obj], table, { resourceVersion: obj.metadata.resourceVersion });
  return send(r.request, r.reply, code, obj, warnings);
}

/** A list, as a <Kind>List or a Table carrying the same list metadata. */
export function sendList({ clock }: HandlerDeps, r: ResourceRequest, result: ListResult) {
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  const table = tableOptions(r.request, r.query, clock.now());
  if (table) return sendTable(r, 200, result.items, table, metadata);
  if (outputFormat(r.request) === 'json') {
    // The stored JSON of each item goes out as it is: no parse and re-serialise per object.
    const head = `{"kind":${JSON.stringify(r.def.listKind)},"apiVersion":${JSON.stringify(r.def.apiVersion)},"metadata":${JSON.stringify(metadata)},"items":[`;
    return r.reply.code(200).type('application/json').send(`${head}${result.raw.join(',')}]}`);
  }
  return send(r.request, r.reply, 200, { kind: r.def.listKind, apiVersion: r.def.apiVersion, metadata, items: result.items });
}

/** A stored object as it is stored, when the client wants plain JSON; otherwise like sendObject. */
export function sendStored(deps: HandlerDeps, r: ResourceRequest, raw: string) {
  if (!r.subresource && tableOptions(r.request, r.query, deps.clock.now())) return sendObject(deps, r, 200, JSON.parse(raw) as KubeObject);
  if (outputFormat(r.request) === 'json') return r.reply.code(200).type('application/json').send(raw);
  return send(r.request, r.reply, 200, JSON.parse(raw));
}
