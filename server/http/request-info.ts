/**
 * Where a resource URL points, as upstream's RequestInfoFactory reads it:
 * /api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]] and /apis/{group}/{version}/… likewise.
 */
export interface RequestInfo {
  group: string;
  version: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
  /** Path segments beyond what the API defines (answered with 404). */
  extra: boolean;
}

// A namespace's own subresources: /namespaces/{name}/status is the namespace, not a resource called "status".
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Non-empty segments, percent-decoded (decoding only when there is an escape: every request comes this way). */
function pathSegments(path: string): string[] {
  const parts: string[] = [];
  const escaped = path.includes('%');
  for (const part of path.split('/')) {
    if (part.length > 0) parts.push(escaped ? decodeURIComponent(part) : part);
  }
  return parts;
}

export function parseRequestPath(path: string): RequestInfo | undefined {
  const parts = pathSegments(path);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  const info: RequestInfo = { group, version, extra: false };
  if (rest.length === 0) return info;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  [info.resource, info.name, info.subresource] = rest;
  info.extra = rest.length > 3;
  return info;
}
