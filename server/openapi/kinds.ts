import type { TSchema } from '@sinclair/typebox';
import { ListMeta } from '../../schemas/meta.js';
import type { ResourceDef, ResourceTable } from '../registry/resource.js';
import { exportedNames } from './catalog.js';
import { Definitions, type Dialect, type OpenApiSchema } from './definitions.js';
import { META, kindDefinition, type GroupVersionKind } from './names.js';
import { APIResourceList, Binding, DeleteOptions, Eviction, Patch, Scale, Status, WatchEvent } from './served-types.js';

/** Upstream's wording for the fields every kind and list shares; the schemas describe none of them. */
const ENVELOPE: Record<string, string> = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert ' +
    'recognized schemas to the latest internal value, and may reject unrecognized values. More info: ' +
    'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind:
    'Kind is a string value representing the REST resource this object represents. Servers may infer this from ' +
    'the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ' +
    'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  metadata:
    "Standard object's metadata. More info: " +
    'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

/** Keys ordered as upstream serialises them; kubectl compares GVKs as maps, so only the content matters to it. */
const gvkExtension = (gvks: GroupVersionKind[]) => ({
  'x-kubernetes-group-version-kind': gvks.map(({ group, kind, version }) => ({ group, kind, version })),
});

/** The kinds served by subresources that answer with something other than their parent kind. */
export const SUBRESOURCE_KINDS = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
} satisfies Record<string, GroupVersionKind>;

export const STATUS = `${META}.Status`;
export const DELETE_OPTIONS = `${META}.DeleteOptions`;
export const PATCH = `${META}.Patch`;
export const WATCH_EVENT = `${META}.WatchEvent`;
export const API_RESOURCE_LIST = `${META}.APIResourceList`;

export const kindName = (def: ResourceDef) => kindDefinition(def);
export const listName = (def: ResourceDef) => `${kindDefinition(def)}List`;

function describeEnvelope(schema: OpenApiSchema | undefined): void {
  const properties = (schema?.properties ?? {}) as Record<string, OpenApiSchema>;
  for (const [field, text] of Object.entries(ENVELOPE)) {
    if (properties[field] && properties[field].description === undefined) properties[field].description = text;
  }
}

function defineKind(defs: Definitions, def: ResourceDef): void {
  const name = kindName(def);
  const gvk = { group: def.group, version: def.version, kind: def.kind };
  defs.defineObject(name, def.schema, gvkExtension([gvk]), { spec: `${name}Spec`, status: `${name}Status` });
  describeEnvelope(defs.schemas.get(name));
  const list: OpenApiSchema = {
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string' },
      items: { type: 'array', items: defs.ref(name) },
      kind: { type: 'string' },
      metadata: defs.property(defs.convert(ListMeta), 'Standard list metadata.'),
    },
    ...gvkExtension([{ ...gvk, kind: def.listKind }]),
  };
  describeEnvelope(list);
  defs.define(listName(def), list);
}

/**
 * Every definition the documents of `table` can reference, in one dialect: each kind and its list, the types they
 * are made of, and the request and response types of the operations.
 */
export function buildDefinitions(table: ResourceTable, dialect: Dialect): Definitions {
  const defs = new Definitions(dialect, exportedNames());
  // DeleteOptions and WatchEvent are registered in every served group-version, which upstream lists on them.
  const everyGroupVersion = [{ group: '', version: 'v1' }, ...table.groupVersions()].filter(
    (gv, i, all) => all.findIndex((o) => o.group === gv.group && o.version === gv.version) === i,
  );
  const inEveryGroupVersion = (kind: string) => gvkExtension(everyGroupVersion.map((gv) => ({ ...gv, kind })));
  const served: Array<[string, TSchema, OpenApiSchema]> = [
    [STATUS, Status, gvkExtension([{ group: '', version: 'v1', kind: 'Status' }])],
    [DELETE_OPTIONS, DeleteOptions, inEveryGroupVersion('DeleteOptions')],
    [WATCH_EVENT, WatchEvent, inEveryGroupVersion('WatchEvent')],
    [PATCH, Patch, {}],
    [API_RESOURCE_LIST, APIResourceList, {}],
    [kindDefinition(SUBRESOURCE_KINDS.scale), Scale, gvkExtension([SUBRESOURCE_KINDS.scale])],
    [kindDefinition(SUBRESOURCE_KINDS.eviction), Eviction, gvkExtension([SUBRESOURCE_KINDS.eviction])],
    [kindDefinition(SUBRESOURCE_KINDS.binding), Binding, gvkExtension([SUBRESOURCE_KINDS.binding])],
  ];
  for (const [name, schema, extra] of served) defs.defineObject(name, schema, extra);
  for (const gvk of Object.values(SUBRESOURCE_KINDS)) describeEnvelope(defs.schemas.get(kindDefinition(gvk)));
  for (const def of table.all) defineKind(defs, def);
  return defs;
}
