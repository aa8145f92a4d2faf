import { ApiError, type StatusDetails } from '../errors.js';
import type { Attributes } from './attributes.js';

/** Upstream's answer to missing or bad credentials: no details, the message is just "Unauthorized". */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** responsewriters.forbiddenMessage: who, which verb, and on what. */
export function forbiddenMessage(a: Attributes): string {
  const user = JSON.stringify(a.user.name);
  if (!a.resourceRequest) return `User ${user} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${user} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} ${where}`;
}

/**
 * responsewriters.Forbidden + apierrors.NewForbidden: `pods "p1" is forbidden: User "alice" cannot get …`, or
 * `forbidden: …` for a path; details carry the group, the resource (as kind) and the name, each only when set.
 */
export function forbiddenError(a: Attributes, reason: string): ApiError {
  const why = reason ? `${forbiddenMessage(a)}: ${reason}` : forbiddenMessage(a);
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  let message: string;
  if (qualified === '') message = `forbidden: ${why}`;
  else if (a.name === '') message = `${qualified} is forbidden: ${why}`;
  else message = `${qualified} ${JSON.stringify(a.name)} is forbidden: ${why}`;
  const details: StatusDetails = {};
  if (a.name) details.name = a.name;
  if (a.apiGroup) details.group = a.apiGroup;
  if (a.resource) details.kind = a.resource;
  return new ApiError(403, 'Forbidden', message, details);
}
