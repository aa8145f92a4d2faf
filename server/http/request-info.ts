/**
 * Where a resource URL points, as upstream's RequestInfoFactory reads it:
 * /api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]] and /apis/{group}/{version}/… likewise.
 */
export interface RequestInfo {
  group: string;
  version: string;
  namespace: string | undefined;
  resource: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
  /** Path segments beyond what the API defines (answered with 404). */
  extra: boolean;
}

/** A request URL without its query string. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
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

/** Every field is set, undefined when absent, so that each request's RequestInfo has the same shape. */
export function parseRequestPath(path: string): RequestInfo | undefined {
  const parts = pathSegments(path);
  let group: string;
  let at: number;
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    at = 1;
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    at = 2;
  } else {
    return undefined;
  }
  const version = parts[at++];
  let namespace: string | undefined;
  if (parts[at] === 'namespaces' && parts.length - at > 1) {
    namespace = parts[at + 1];
    if (parts.length - at > 2 && !NAMESPACE_SUBRESOURCES.has(parts[at + 2])) at += 2;
  }
  return {
    group,
    version,
    namespace,
    resource: parts[at],
    name: parts[at + 1],
    subresource: parts[at + 2],
    extra: parts.length - at > 3,
  };
}
