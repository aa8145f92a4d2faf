import type { ResourceTable } from '../registry/resource.js';
import type { OpenApiSchema } from './definitions.js';
import { buildDefinitions } from './kinds.js';
import type { OperationSpec, PathSpec } from './operations.js';
import { groupVersionPaths } from './paths.js';
import type { ParameterSpec } from './parameters.js';
import { BEARER_TOKEN, DEFAULT_OPENAPI_VERSION } from './v3.js';

export interface OpenApiV2Document {
  swagger: '2.0';
  info: { title: string; version: string };
  paths: Record<string, OpenApiSchema>;
  definitions: Record<string, OpenApiSchema>;
  securityDefinitions: Record<string, OpenApiSchema>;
  security: Array<Record<string, string[]>>;
}

const ref = (definition: string) => ({ $ref: `#/definitions/${definition}` });

/**
 * Parameters are written out on every operation rather than shared through `#/parameters/`: kubectl's v2
 * `fieldValidation` check only reads parameters declared in place.
 */
function parameter(p: ParameterSpec): OpenApiSchema {
  return {
    description: p.description,
    in: p.in,
    name: p.name,
    ...(p.in === 'path' ? { required: true } : {}),
    type: p.type,
    uniqueItems: true,
  };
}

function operation(op: OperationSpec): OpenApiSchema {
  const body = op.body
    ? [{ in: 'body', name: 'body', ...(op.body.required ? { required: true } : {}), schema: ref(op.body.definition) }]
    : [];
  const parameters = [...body, ...op.parameters.map(parameter)];
  const out: OpenApiSchema = {
    consumes: op.body ? [...op.body.mediaTypes] : ['*/*'],
    description: op.description,
    operationId: op.operationId,
    ...(parameters.length > 0 ? { parameters } : {}),
    produces: [...op.produces],
    responses: Object.fromEntries(
      op.responses.map((r) => [r.code, r.definition ? { description: r.description, schema: ref(r.definition) } : { description: r.description }]),
    ),
    schemes: ['https'],
    tags: [op.tag],
  };
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

function build(table: ResourceTable, kubeVersion: string): OpenApiV2Document {
  const definitions = buildDefinitions(table, 'v2');
  const paths = table
    .groupVersions()
    .flatMap(({ group, version }) => groupVersionPaths(table.all, group, version))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: kubeVersion },
    paths: Object.fromEntries(paths.map((p) => [p.path, pathItem(p)])),
    definitions: Object.fromEntries([...definitions.schemas].sort(([a], [b]) => (a < b ? -1 : 1))),
    securityDefinitions: { BearerToken: BEARER_TOKEN },
    security: [{ BearerToken: [] }],
  };
}

const caches = new WeakMap<ResourceTable, Map<string, OpenApiV2Document>>();

/**
 * `GET /openapi/v2`: one Swagger 2.0 document for every group-version, with every definition. Built once per
 * table and kube version; the same object is returned on every call, so callers must not modify it.
 */
export function openApiV2(table: ResourceTable, kubeVersion = DEFAULT_OPENAPI_VERSION): OpenApiV2Document {
  let cache = caches.get(table);
  if (!cache) {
    cache = new Map();
    caches.set(table, cache);
  }
  let doc = cache.get(kubeVersion);
  if (!doc) {
    doc = build(table, kubeVersion);
    cache.set(kubeVersion, doc);
  }
  return doc;
}
