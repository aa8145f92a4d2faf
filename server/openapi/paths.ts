/** The paths and operations of each group-version, as upstream's apiserver installs them. */
import type { TSchema } from '@sinclair/typebox';
import { subresourceKind } from '../discovery/resources.js';
import type { ResourceDef, Subresource } from '../registry/resource.js';
import { API_RESOURCE_LIST, DELETE_OPTIONS, PATCH, STATUS, WATCH_EVENT, kindName, listName } from './kinds.js';
import { article, capitalize, kindDefinition, operationInfix, operationTag } from './names.js';
import { OBJECT_TYPES, STREAM_TYPES, ok, written, type OperationSpec, type PathSpec } from './operations.js';
import * as P from './parameters.js';
import { describesMergedFields } from './patch-support.js';
import { Scale } from './served-types.js';

const ANY_BODY = ['*/*'];
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  STRATEGIC_MERGE_PATCH,
  'application/apply-patch+yaml',
];

/** The patch types a PATCH operation declares; see `describesMergedFields` for why some leave one out. */
function patchTypes(target: TSchema): readonly string[] {
  return describesMergedFields(target) ? PATCH_TYPES : PATCH_TYPES.filter((type) => type !== STRATEGIC_MERGE_PATCH);
}

type OperationFields = Omit<OperationSpec, 'tag' | 'gvk' | 'produces' | 'parameters'> &
  Partial<Pick<OperationSpec, 'gvk' | 'produces' | 'parameters'>>;

/** The names one resource's paths and operations are spelled from. */
class Resource {
  readonly gv: string;
  readonly kind: string;
  readonly list: string;
  readonly namespace: P.ParameterSpec[];
  readonly ns: string;
  readonly collection: string;
  readonly item: string;
  readonly the: string;

  constructor(readonly def: ResourceDef) {
    this.gv = operationInfix(def.group, def.version);
    this.kind = kindName(def);
    this.list = listName(def);
    this.namespace = def.namespaced ? [P.namespaceParameter()] : [];
    this.ns = def.namespaced ? '/namespaces/{namespace}' : '';
    this.collection = `${def.prefix}${this.ns}/${def.resource}`;
    this.item = `${this.collection}/{name}`;
    this.the = `the specified ${def.kind}`;
  }

  /** `listAppsV1NamespacedDaemonSet`, `deleteCoreV1CollectionNode`, `readCoreV1NamespacedPodStatus`. */
  id(verb: string, infix = '', suffix = ''): string {
    return `${verb}${this.gv}${infix}${this.def.namespaced ? 'Namespaced' : ''}${this.def.kind}${suffix}`;
  }

  op(fields: OperationFields): OperationSpec {
    const { group, version, kind } = this.def;
    return { tag: operationTag(group, version), gvk: { group, version, kind }, produces: OBJECT_TYPES, parameters: [], ...fields };
  }

  watchList(path: string, operationId: string, parameters: P.ParameterSpec[]): PathSpec {
    const description =
      `watch individual changes to a list of ${this.def.kind}. ` +
      "deprecated: use the 'watch' parameter with a list operation instead.";
    return {
      path,
      parameters,
      operations: [this.op({ method: 'get', operationId, description, action: 'watchlist', responses: ok(WATCH_EVENT), produces: STREAM_TYPES })],
    };
  }
}

function collectionPaths(r: Resource): PathSpec[] {
  const { def, kind } = r;
  const paths: PathSpec[] = [
    {
      path: r.collection,
      parameters: [...r.namespace, P.PRETTY],
      operations: [
        r.op({ method: 'get', operationId: r.id('list'), description: `list or watch objects of kind ${def.kind}`,
          action: 'list', parameters: P.LIST, responses: ok(r.list), produces: STREAM_TYPES }),
        r.op({ method: 'post', operationId: r.id('create'), description: `create${article(def.kind)}${def.kind}`,
          action: 'post', parameters: P.WRITE, body: { definition: kind, required: true, mediaTypes: ANY_BODY },
          responses: written(kind, ['201', 'Created'], ['202', 'Accepted']) }),
        r.op({ method: 'delete', operationId: r.id('delete', 'Collection'), description: `delete collection of ${def.kind}`,
          action: 'deletecollection', parameters: P.DELETE_COLLECTION,
          body: { definition: DELETE_OPTIONS, required: false, mediaTypes: ANY_BODY }, responses: ok(STATUS) }),
      ].filter((op) => op.action !== 'deletecollection' || def.verbs.includes('deletecollection')),
    },
    {
      path: r.item,
      parameters: [P.nameParameter(def.kind), ...r.namespace, P.PRETTY],
      operations: [
        r.op({ method: 'get', operationId: r.id('read'), description: `read ${r.the}`, action: 'get', responses: ok(kind) }),
        r.op({ method: 'put', operationId: r.id('replace'), description: `replace ${r.the}`, action: 'put',
          parameters: P.WRITE, body: { definition: kind, required: true, mediaTypes: ANY_BODY },
          responses: written(kind, ['201', 'Created']) }),
        r.op({ method: 'patch', operationId: r.id('patch'), description: `partially update ${r.the}`, action: 'patch',
          parameters: P.PATCH, body: { definition: PATCH, required: true, mediaTypes: patchTypes(def.schema) },
          responses: written(kind, ['201', 'Created']) }),
        r.op({ method: 'delete', operationId: r.id('delete'), description: `delete${article(def.kind)}${def.kind}`,
          action: 'delete', parameters: P.DELETE, body: { definition: DELETE_OPTIONS, required: false, mediaTypes: ANY_BODY },
          // Upstream answers a DELETE with the object where the deletion may be graceful (pods), else a Status.
          responses: written(def.returnDeletedObject ? kind : STATUS, ['202', 'Accepted']) }),
      ],
    },
  ];
  if (def.namespaced) {
    paths.push({
      path: `${def.prefix}/${def.resource}`,
      parameters: [...P.LIST, P.PRETTY],
      operations: [
        r.op({ method: 'get', operationId: `list${r.gv}${def.kind}ForAllNamespaces`, action: 'list',
          description: `list or watch objects of kind ${def.kind}`, responses: ok(r.list), produces: STREAM_TYPES }),
      ],
    });
  }
  return paths;
}

/** The `/watch/` paths 1.32 still serves, deprecated in favour of `?watch=true`. */
function watchPaths(r: Resource): PathSpec[] {
  const { def } = r;
  const description =
    `watch changes to an object of kind ${def.kind}. deprecated: use the 'watch' parameter with a list operation ` +
    "instead, filtered to a single item with the 'fieldSelector' parameter.";
  const paths = [
    r.watchList(`${def.prefix}/watch${r.ns}/${def.resource}`, r.id('watch', '', 'List'), [...P.LIST, ...r.namespace, P.PRETTY]),
    {
      path: `${def.prefix}/watch${r.ns}/${def.resource}/{name}`,
      parameters: [...P.LIST, P.nameParameter(def.kind), ...r.namespace, P.PRETTY],
      operations: [r.op({ method: 'get', operationId: r.id('watch'), description, action: 'watch', responses: ok(WATCH_EVENT), produces: STREAM_TYPES })],
    },
  ];
  if (def.namespaced) {
    paths.push(r.watchList(`${def.prefix}/watch/${def.resource}`, `watch${r.gv}${def.kind}ListForAllNamespaces`, [...P.LIST, P.PRETTY]));
  }
  return paths;
}

function subresourcePath(r: Resource, sub: Subresource): PathSpec {
  const { def } = r;
  const { kind: gvk } = subresourceKind(def, sub);
  const target = sub === 'status' ? r.kind : kindDefinition(gvk);
  const title = capitalize(sub);
  const operations =
    sub === 'status' || sub === 'scale'
      ? [
        r.op({ method: 'get', operationId: r.id('read', '', title), description: `read ${sub} of ${r.the}`,
          action: 'get', gvk, responses: ok(target) }),
        r.op({ method: 'put', operationId: r.id('replace', '', title), description: `replace ${sub} of ${r.the}`,
          action: 'put', gvk, parameters: P.WRITE, body: { definition: target, required: true, mediaTypes: ANY_BODY },
          responses: written(target, ['201', 'Created']) }),
        r.op({ method: 'patch', operationId: r.id('patch', '', title), description: `partially update ${sub} of ${r.the}`,
          action: 'patch', gvk, parameters: P.PATCH,
          body: { definition: PATCH, required: true, mediaTypes: patchTypes(sub === 'scale' ? Scale : def.schema) },
          responses: written(target, ['201', 'Created']) }),
      ]
      : [
        r.op({ method: 'post', operationId: r.id('create', '', title), description: `create ${sub} of${article(def.kind)}${def.kind}`,
          action: 'post', gvk, parameters: P.WRITE, body: { definition: target, required: true, mediaTypes: ANY_BODY },
          responses: written(target, ['201', 'Created'], ['202', 'Accepted']) }),
      ];
  return { path: `${r.item}/${sub}`, parameters: [P.nameParameter(gvk.kind), ...r.namespace, P.PRETTY], operations };
}

/** Every path of one resource: collection, item, all-namespaces list, deprecated watch paths and subresources. */
function resourcePaths(def: ResourceDef): PathSpec[] {
  const r = new Resource(def);
  if (!def.verbs.includes('get')) return createOnlyPaths(r);
  return [...collectionPaths(r), ...watchPaths(r), ...def.subresources.map((sub) => subresourcePath(r, sub))];
}

/** A review kind (SelfSubjectAccessReview) answers a create and nothing else. */
function createOnlyPaths(r: Resource): PathSpec[] {
  const post = collectionPaths(r)[0].operations.filter((op) => op.method === 'post');
  return [{ path: r.collection, parameters: [...r.namespace, P.PRETTY], operations: post }];
}

/** All paths of one group-version of `defs`, sorted as upstream's documents list them. */
export function groupVersionPaths(defs: readonly ResourceDef[], group: string, version: string): PathSpec[] {
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const root: PathSpec = {
    path: `${prefix}/`,
    parameters: [],
    operations: [
      {
        method: 'get',
        operationId: `get${operationInfix(group, version)}APIResources`,
        description: 'get available resources',
        tag: operationTag(group, version),
        parameters: [],
        responses: ok(API_RESOURCE_LIST),
        produces: OBJECT_TYPES,
      },
    ],
  };
  const paths = [root, ...defs.filter((d) => d.group === group && d.version === version).flatMap(resourcePaths)];
  for (const path of paths) {
    path.parameters = P.sorted(path.parameters);
    for (const operation of path.operations) operation.parameters = P.sorted(operation.parameters);
  }
  return paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
