import type { ResourceTable } from '../registry/resource.js';
import { aggregatedResourceEntries, legacyResourceEntries } from './resources.js';

export type AggregatedVersion = 'v2' | 'v2beta1';

function namedGroups(table: ResourceTable): string[] {
  return [...new Set(table.all.filter((d) => d.group).map((d) => d.group))];
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
export function legacyDiscovery(table: ResourceTable, path: string): unknown {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '' }] };
  }
  if (parts.length === 1 && parts[0] === 'apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: namedGroups(table).map((g) => groupEntry(table, g)) };
  }
  if (parts.length === 2 && parts[0] === 'apis' && table.all.some((d) => d.group === parts[1])) {
    return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(table, parts[1]) };
  }
  let group: string | undefined;
  let version: string | undefined;
  if (parts[0] === 'api' && parts.length === 2) [group, version] = ['', parts[1]];
  else if (parts[0] === 'apis' && parts.length === 3) [group, version] = [parts[1], parts[2]];
  if (version === undefined) return undefined;
  const defs = table.all.filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: legacyResourceEntries(defs) };
}

/** The aggregated discovery document for /api (the core group) or /apis (every named group). */
export function aggregatedDiscovery(table: ResourceTable, root: 'api' | 'apis', version: AggregatedVersion): unknown {
  const groups = root === 'api' ? [''] : namedGroups(table);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((group) => ({
      metadata: { name: group },
      versions: table
        .groupVersions()
        .filter((gv) => gv.group === group)
        .map((gv) => ({
          version: gv.version,
          resources: aggregatedResourceEntries(table.all.filter((d) => d.group === group && d.version === gv.version)),
          freshness: 'Current',
        })),
    })),
  };
}
