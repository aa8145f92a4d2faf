import { createHash } from 'node:crypto';
import type { ResourceTable } from '../registry/resource.js';
import type { Definitions, OpenApiSchema } from './definitions.js';
import { buildDefinitions } from './kinds.js';
import type { OperationSpec, PathSpec } from './operations.js';
import { groupVersionPaths } from './paths.js';
import type { ParameterSpec } from './parameters.js';

export const DEFAULT_OPENAPI_VERSION = 'v1.32.4';

export interface OpenApiV3Document {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, OpenApiSchema>;
  components: { schemas: Record<string, OpenApiSchema>; securitySchemes: Record<string, OpenApiSchema> };
}

/** `GET /openapi/v3`: where each group-version's document is, the hash making its URL change with its content. */
export interface OpenApiV3Root {
  paths: Record<string, { serverRelativeURL: string }>;
}

export const BEARER_TOKEN = { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' };

/** The key of a group-version in the v3 root: `api/v1`, `apis/apps/v1`. */
export function openApiV3PathKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const hashes = new WeakMap<object, string>();

/** Upstream's ETag and `hash=`: the SHA-512 of the served JSON in upper-case hex. Computed once per document. */
export function openApiHash(doc: object): string {
  let hash = hashes.get(doc);
  if (hash === undefined) {
    hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();
    hashes.set(doc, hash);
  }
  return hash;
}

function parameter(p: ParameterSpec): OpenApiSchema {
  return {
    description: p.description,
    in: p.in,
    name: p.name,
    ...(p.in === 'path' ? { required: true } : {}),
    schema: { type: p.type, uniqueItems: true },
  };
}

function content(mediaTypes: readonly string[], definition: string): OpenApiSchema {
  const schema = { $ref: `#/components/schemas/${definition}` };
  return Object.fromEntries([...mediaTypes].sort().map((type) => [type, { schema }]));
}

function operation(op: OperationSpec): OpenApiSchema {
  const out: OpenApiSchema = { description: op.description, operationId: op.operationId };
  if (op.parameters.length > 0) out.parameters = op.parameters.map(parameter);
  if (op.body) {
    out.requestBody = { content: content(op.body.mediaTypes, op.body.definition), ...(op.body.required ? { required: true } : {}) };
  }
  out.responses = Object.fromEntries(
    op.responses.map((r) => [
      r.code,
      r.definition ? { content: content(op.produces, r.definition), description: r.description } : { description: r.description },
    ]),
  );
  out.tags = [op.tag];
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version };
  return out;
}

function pathItem(path: PathSpec): OpenApiSchema {
  const out: OpenApiSchema = {};
  for (const op of path.operations) out[op.method] = operation(op);
  if (path.parameters.length > 0) out.parameters = path.parameters.map(parameter);
  return out;
}

/** The named definitions `root` refers to, directly or through other definitions, sorted by name. */
function referencedDefinitions(root: unknown, schemas: Map<string, OpenApiSchema>, prefix: string) {
  const found = new Map<string, OpenApiSchema>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key !== '$ref' || typeof value !== 'string') {
          pending.push(value);
          continue;
        }
        const name = value.slice(prefix.length);
        const schema = schemas.get(name);
        if (schema && !found.has(name)) {
          found.set(name, schema);
          pending.push(schema);
        }
      }
    }
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface V3Cache {
  definitions?: Definitions;
  documents: Map<string, OpenApiV3Document | undefined>;
  root: Map<string, OpenApiV3Root>;
}

const caches = new WeakMap<ResourceTable, V3Cache>();

function cacheFor(table: ResourceTable): V3Cache {
  let cache = caches.get(table);
  if (!cache) {
    cache = { documents: new Map(), root: new Map() };
    caches.set(table, cache);
  }
  return cache;
}

function buildGroupVersion(table: ResourceTable, group: string, version: string, kubeVersion: string) {
  if (!table.groupVersions().some((gv) => gv.group === group && gv.version === version)) return undefined;
  const cache = cacheFor(table);
  cache.definitions ??= buildDefinitions(table, 'v3');
  const paths = Object.fromEntries(groupVersionPaths(table.all, group, version).map((p) => [p.path, pathItem(p)]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: kubeVersion },
    paths,
    components: {
      // Upstream's per-group-version documents carry only the definitions their operations reach.
      schemas: referencedDefinitions(paths, cache.definitions.schemas, '#/components/schemas/'),
      securitySchemes: { BearerToken: BEARER_TOKEN },
    },
  } satisfies OpenApiV3Document;
}

/**
 * `GET /openapi/v3/api/v1`, `/openapi/v3/apis/<group>/<version>`: the group-version's operations and the
 * definitions they reach. Undefined for a group-version the table does not serve. Built once per table; the same
 * object is returned on every call, so callers must not modify it.
 */
export function openApiV3GroupVersion(
  table: ResourceTable,
  group: string,
  version: string,
  kubeVersion = DEFAULT_OPENAPI_VERSION,
): OpenApiV3Document | undefined {
  const cache = cacheFor(table);
  const key = `${kubeVersion} ${openApiV3PathKey(group, version)}`;
  if (!cache.documents.has(key)) cache.documents.set(key, buildGroupVersion(table, group, version, kubeVersion));
  return cache.documents.get(key);
}

/**
 * `GET /openapi/v3`. `hashes` (by path key, e.g. `apis/apps/v1`) overrides the hash of a group-version's document;
 * by default it is computed from the cached document.
 */
export function openApiV3Root(
  table: ResourceTable,
  hashes?: Readonly<Record<string, string>>,
  kubeVersion = DEFAULT_OPENAPI_VERSION,
): OpenApiV3Root {
  const build = (): OpenApiV3Root => {
    const paths: OpenApiV3Root['paths'] = {};
    for (const { group, version } of table.groupVersions()) {
      const key = openApiV3PathKey(group, version);
      const hash = hashes?.[key] ?? openApiHash(openApiV3GroupVersion(table, group, version, kubeVersion)!);
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
    }
    return { paths };
  };
  if (hashes) return build();
  const cache = cacheFor(table);
  let root = cache.root.get(kubeVersion);
  if (!root) {
    root = build();
    cache.root.set(kubeVersion, root);
  }
  return root;
}
