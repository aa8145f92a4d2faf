import type { UserInfo } from './user.js';

/** What the authorizer decides on, as upstream's authorizer.Attributes. */
export interface Attributes {
  user: UserInfo;
  verb: string;
  /** False for non-resource URLs (/healthz, /version, discovery documents, /metrics …). */
  resourceRequest: boolean;
  path: string;
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
}

const API_PREFIXES = new Set(['api', 'apis']);
// Verbs a path may carry before the resource (/api/v1/watch/pods), from upstream's RequestInfoFactory.
const SPECIAL_VERBS = new Set(['proxy', 'watch']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
// strconv.ParseBool's spellings of true, which is how upstream reads ?watch=.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

function nonResource(user: UserInfo, method: string, path: string): Attributes {
  return {
    user, verb: method.toLowerCase(), resourceRequest: false, path,
    namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '',
  };
}

/** `metadata.name=x` (or `==`) as the only requirement of a field selector: a list or watch of one object. */
function exactName(fieldSelector: string | null): string | undefined {
  if (!fieldSelector) return undefined;
  const match = /^metadata\.name(==?)([^,]*)$/.exec(fieldSelector.trim());
  const name = match?.[2].trim();
  return name && !['.', '..'].includes(name) && !/[/%]/.test(name) ? name : undefined;
}

/**
 * Upstream's RequestInfoFactory.NewRequestInfo, for authorization: /api/{v}/… and /apis/{g}/{v}/… are resource
 * requests with a verb from the method (GET of a collection is list, or watch with ?watch; DELETE of a collection is
 * deletecollection); everything else, discovery documents included, is a non-resource path with the method as verb.
 */
export function requestAttributes(user: UserInfo, method: string, rawUrl: string): Attributes {
  const url = new URL(rawUrl, 'http://localhost');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  let parts = path.split('/').filter((p) => p !== '');
  if (parts.length < 3 || !API_PREFIXES.has(parts[0])) return nonResource(user, method, path);
  let apiGroup = '';
  const grouped = parts[0] === 'apis';
  parts = parts.slice(1);
  if (grouped) {
    if (parts.length < 3) return nonResource(user, method, path);
    apiGroup = parts[0];
    parts = parts.slice(1);
  }
  const apiVersion = parts[0];
  parts = parts.slice(1);
  let verb = METHOD_VERBS[method] ?? '';
  if (SPECIAL_VERBS.has(parts[0]) && parts.length >= 2) {
    verb = parts[0];
    parts = parts.slice(1);
  }
  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1];
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2);
  }
  const [resource = '', name = '', subresource = ''] = parts;
  const attributes: Attributes = {
    user, verb, resourceRequest: true, path, namespace, apiGroup, apiVersion, resource, name,
    subresource: verb === 'proxy' ? '' : subresource,
  };
  if (attributes.name === '' && verb === 'get') {
    attributes.verb = TRUE_WORDS.has(url.searchParams.get('watch') ?? '') ? 'watch' : 'list';
    attributes.name = exactName(url.searchParams.get('fieldSelector')) ?? '';
  }
  if (attributes.name === '' && attributes.verb === 'delete') attributes.verb = 'deletecollection';
  return attributes;
}
