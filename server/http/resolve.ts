import type { ResourceDef, ResourceTable, Subresource } from '../registry/resource.js';
import { parseRequestPath, type RequestInfo } from './request-info.js';

export interface ResolvedResource {
  def: ResourceDef;
  info: RequestInfo;
  /** The object's namespace ('' for cluster-scoped kinds); for lists, undefined means all namespaces. */
  namespace: string | undefined;
  name?: string;
  subresource?: Subresource;
}

/** Resolves a URL path against the resource table; undefined when no resource lives there. */
export function resolveResource(table: ResourceTable, path: string): ResolvedResource | undefined {
  let info: RequestInfo | undefined;
  try {
    info = parseRequestPath(path);
  } catch {
    return undefined; // undecodable percent-escapes name no resource
  }
  if (!info || !info.resource || info.extra) return undefined;
  const def = table.find(info.group, info.version, info.resource);
  if (!def) return undefined;
  let namespace: string | undefined;
  if (def.namespaced) namespace = info.namespace;
  else if (info.namespace !== undefined && info.resource !== 'namespaces') return undefined;
  else namespace = '';
  if (def.namespaced && namespace === undefined && info.name !== undefined) return undefined;
  const subresource = info.subresource as Subresource | undefined;
  if (subresource !== undefined && !def.subresources.includes(subresource)) return undefined;
  return { def, info, namespace, name: info.name, subresource };
}
