import type { ResourceDef, Subresource } from '../registry/resource.js';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** What a subresource answers with and which verbs it serves, as upstream registers them. */
export function subresourceKind(def: ResourceDef, subresource: Subresource): { kind: GroupVersionKind; verbs: string[] } {
  switch (subresource) {
    case 'status':
      return { kind: { group: def.group, version: def.version, kind: def.kind }, verbs: ['get', 'patch', 'update'] };
    case 'scale':
      return { kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] };
    case 'binding':
      return { kind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] };
    case 'eviction':
      return { kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] };
  }
}

/** APIResourceList entries (/api/v1, /apis/<g>/<v>): each resource, then each of its subresources. */
export function legacyResourceEntries(defs: readonly ResourceDef[]): unknown[] {
  const entries: unknown[] = [];
  for (const def of defs) {
    const entry: Record<string, unknown> = {
      name: def.resource,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.verbs,
    };
    if (def.shortNames.length > 0) entry.shortNames = def.shortNames;
    if (def.categories.length > 0) entry.categories = def.categories;
    entries.push(entry);
    for (const sub of def.subresources) {
      const { kind, verbs } = subresourceKind(def, sub);
      const subEntry: Record<string, unknown> = { name: `${def.resource}/${sub}`, singularName: '', namespaced: def.namespaced };
      if (kind.group !== def.group || kind.version !== def.version) Object.assign(subEntry, { group: kind.group, version: kind.version });
      entries.push({ ...subEntry, kind: kind.kind, verbs });
    }
  }
  return entries;
}

/** APIResourceDiscovery entries of the aggregated (apidiscovery.k8s.io) documents. */
export function aggregatedResourceEntries(defs: readonly ResourceDef[]): unknown[] {
  return defs.map((def) => {
    const entry: Record<string, unknown> = {
      resource: def.resource,
      responseKind: { group: def.group, version: def.version, kind: def.kind },
      scope: def.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: def.singular,
      verbs: def.verbs,
    };
    if (def.shortNames.length > 0) entry.shortNames = def.shortNames;
    if (def.categories.length > 0) entry.categories = def.categories;
    if (def.subresources.length > 0) {
      entry.subresources = def.subresources.map((sub) => {
        const { kind, verbs } = subresourceKind(def, sub);
        return { subresource: sub, responseKind: kind, verbs };
      });
    }
    return entry;
  });
}
