import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SelfSubjectAccessReview } from '../../schemas/authorization/selfsubjectaccessreview.js';
import { ApiError, invalidObject, methodNotAllowed, resourceNotFound } from '../errors.js';
import { decodeObjectBody, send, sendError } from '../http/negotiate.js';
import { invalid } from '../registry/field-errors.js';
import { objectFromBody } from '../registry/input.js';
import type { ResourceDef } from '../registry/resource.js';
import type { Attributes } from './attributes.js';
import type { Authorizer } from './authorizer.js';
import { requestUser } from './access-control.js';
import type { UserInfo } from './user.js';

type Review = SelfSubjectAccessReview & { metadata: object };

/** SubjectAccessReview attributes → the authorizer's, as authorizationutil.ResourceAttributesFrom does. */
function reviewAttributes(user: UserInfo, review: Review): Attributes {
  const resource = review.spec?.resourceAttributes;
  if (resource) {
    return {
      user, verb: resource.verb ?? '', resourceRequest: true, path: '', namespace: resource.namespace ?? '',
      apiGroup: resource.group ?? '', apiVersion: resource.version ?? '', resource: resource.resource ?? '',
      subresource: resource.subresource ?? '', name: resource.name ?? '',
    };
  }
  const nonResource = review.spec?.nonResourceAttributes ?? {};
  return {
    user, verb: nonResource.verb ?? '', resourceRequest: false, path: nonResource.path ?? '',
    namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '',
  };
}

function validateReview(def: ResourceDef, review: Review): void {
  const spec = review.spec ?? {};
  const errs = [];
  if (spec.resourceAttributes && spec.nonResourceAttributes) {
    errs.push(invalid('spec.nonResourceAttributes', spec.nonResourceAttributes, 'cannot be specified in combination with resourceAttributes'));
  }
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) {
    errs.push(invalid('spec.resourceAttributes', 'null', 'exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  }
  if (errs.length > 0) throw invalidObject(def.kind, def.group, '', errs);
}

/**
 * POST …/selfsubjectaccessreviews: asks the authorizer about the requesting user and answers at once; nothing is
 * stored, and no other verb exists (upstream registers create only).
 */
export function installAccessReviewRoutes(app: FastifyInstance, def: ResourceDef, authorizer: Authorizer): void {
  const collection = `${def.prefix}/${def.resource}`;
  const review = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return sendError(reply, methodNotAllowed());
    try {
      const warnings: string[] = [];
      const body = objectFromBody(def, decodeObjectBody(request, def), { namespace: '' }, 'Warn', warnings) as Review;
      validateReview(def, body);
      const { decision, reason } = authorizer.authorize(reviewAttributes(requestUser(request.raw), body));
      body.status = { allowed: decision === 'Allow' };
      if (decision === 'Deny') body.status.denied = true;
      if (reason) body.status.reason = reason;
      return send(request, reply, 201, body, warnings);
    } catch (err) {
      if (err instanceof ApiError) return sendError(reply, err);
      throw err;
    }
  };
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  app.route({ method: methods, url: collection, handler: review });
  app.route({ method: methods, url: `${collection}/*`, handler: (_request, reply) => sendError(reply, resourceNotFound()) });
}
