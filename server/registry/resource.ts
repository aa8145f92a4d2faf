import type { TSchema } from '@sinclair/typebox';
import type { Strategy } from './strategy.js';

export type Subresource = 'status' | 'scale' | 'binding' | 'eviction';

/** One row of the resource table, as written in schemas/resources.ts. */
export interface ResourceRow {
  group: string;
  version: string;
  /** Plural, lower case: the URL segment (`daemonsets`). */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: Subresource[];
  schema: TSchema;
  strategy?: Strategy;
  /** metadata.generation starts at 1 and is bumped on every spec change (upstream does this per kind). */
  tracksGeneration?: boolean;
  /** What a DELETE without propagationPolicy does to dependents (upstream's DefaultGarbageCollectionPolicy). */
  defaultPropagation?: 'Orphan' | 'Background';
  /** PUT on a missing object creates it (upstream's AllowCreateOnUpdate). */
  allowCreateOnUpdate?: boolean;
  /** Return the deleted object instead of a Status on DELETE (upstream: pods). */
  returnDeletedObject?: boolean;
  /** Deletion waits for a grace period the simulated kubelet finishes (pods). */
  gracefulDeletion?: boolean;
  /** The verbs served; every verb when absent. Review kinds (SelfSubjectAccessReview) are create-only. */
  verbs?: readonly string[];
}

/** A row with the names everything else derives from it. */
export interface ResourceDef extends Required<Omit<ResourceRow, 'defaultPropagation'>> {
  defaultPropagation: 'Orphan' | 'Background';
  apiVersion: string;
  listKind: string;
  /** Storage key and qualified name: `daemonsets.apps`, `pods`. */
  key: string;
  /** URL prefix of the group-version: `/api/v1`, `/apis/apps/v1`. */
  prefix: string;
}

/** Every verb a stored kind serves, as discovery lists them. */
export const RESOURCE_VERBS: readonly string[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function defineResource(row: ResourceRow): ResourceDef {
  return {
    shortNames: [],
    categories: [],
    subresources: [],
    strategy: {},
    tracksGeneration: false,
    allowCreateOnUpdate: false,
    returnDeletedObject: false,
    gracefulDeletion: false,
    verbs: RESOURCE_VERBS,
    ...row,
    defaultPropagation: row.defaultPropagation ?? 'Background',
    apiVersion: row.group ? `${row.group}/${row.version}` : row.version,
    listKind: `${row.kind}List`,
    key: row.group ? `${row.resource}.${row.group}` : row.resource,
    prefix: row.group ? `/apis/${row.group}/${row.version}` : `/api/${row.version}`,
  };
}

/** Looks rows up the ways requests and clients name them. */
export class ResourceTable {
  readonly all: readonly ResourceDef[];
  private readonly byPath = new Map<string, ResourceDef>();
  private readonly byKind = new Map<string, ResourceDef>();

  constructor(defs: ResourceDef[]) {
    this.all = defs;
    for (const def of defs) {
      this.byPath.set(`${def.group}/${def.version}/${def.resource}`, def);
      this.byKind.set(`${def.apiVersion}/${def.kind}`, def);
    }
  }

  find(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.byPath.get(`${group}/${version}/${resource}`);
  }

  findByKind(apiVersion: string, kind: string): ResourceDef | undefined {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }

  /** Every group-version served, in table order, core first. */
  groupVersions(): Array<{ group: string; version: string }> {
    const seen = new Map<string, { group: string; version: string }>();
    for (const def of this.all) seen.set(`${def.group}/${def.version}`, { group: def.group, version: def.version });
    return [...seen.values()];
  }
}
