import { ApiError } from '../errors.js';
import type { ResourceDef, ResourceTable } from '../registry/resource.js';

export const NOT_FOUND = new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

function resourceEntries(defs: ResourceDef[]): unknown[] {
  const entries: unknown[] = [];
  for (const def of defs) {
    const entry: Record<string, unknown> = {
      name: def.resource,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: VERBS,
    };
    if (def.shortNames.length > 0) entry.shortNames = def.shortNames;
    if (def.categories.length > 0) entry.categories = def.categories;
    entries.push(entry);
    if (def.subresources.includes('status')) {
      entries.push({ name: `${def.resource}/status`, singularName: '', namespaced: def.namespaced, kind: def.kind, verbs: SUBRESOURCE_VERBS });
    }
  }
  return entries;
}

function groupEntry(table: ResourceTable, group: string) {
  const versions = table
    .groupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: `${gv.group}/${gv.version}`, version: gv.version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

/**
 * The legacy (unaggregated) discovery documents: /api, /apis, /apis/{group}, /api/v1, /apis/{group}/{version}.
 * Returns undefined for any other path.
 */
export function groupVersionResources(table: ResourceTable, path: string): unknown {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '' }] };
  }
  if (parts.length === 1 && parts[0] === 'apis') {
    const groups = [...new Set(table.all.filter((d) => d.group).map((d) => d.group))];
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupEntry(table, g)) };
  }
  if (parts.length === 2 && parts[0] === 'apis' && table.all.some((d) => d.group === parts[1])) {
    return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(table, parts[1]) };
  }
  const [group, version] = parts[0] === 'api' && parts.length === 2 ? ['', parts[1]] : parts[0] === 'apis' && parts.length === 3 ? [parts[1], parts[2]] : [];
  if (version === undefined) return undefined;
  const defs = table.all.filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resourceEntries(defs),
  };
}
