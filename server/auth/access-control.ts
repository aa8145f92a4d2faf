import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../errors.js';
import { requestAttributes } from './attributes.js';
import { authenticate, type AuthenticationConfig } from './authenticator.js';
import { alwaysAllow, mastersAuthorizer, unionAuthorizer, type Authorizer } from './authorizer.js';
import { forbiddenError, unauthorized } from './responses.js';
import { anonymousUser, type UserInfo } from './user.js';

/** Who may do what: the authenticator's settings and the authorizer chain (privileged groups first). */
export interface AccessControl {
  authentication: AuthenticationConfig;
  authorizer: Authorizer;
  /** The chain allows every request (AlwaysAllow): authorization is skipped. */
  allowsEverything: boolean;
}

/** Today's default: anyone may do anything, as system:anonymous. */
export function openAccess(): AccessControl {
  return {
    authentication: { anonymous: true, clientCertificates: false },
    authorizer: unionAuthorizer([mastersAuthorizer, alwaysAllow]),
    allowsEverything: true,
  };
}

const users = new WeakMap<IncomingMessage, UserInfo>();

/** The user a request was authenticated as (anonymous when no access control runs). */
export function requestUser(request: IncomingMessage): UserInfo {
  return users.get(request) ?? anonymousUser();
}

/** True when nothing can be refused and no request carries an identity worth recording: the open default. */
export function isOpen(control: AccessControl): boolean {
  const { authentication } = control;
  return control.allowsEverything && authentication.anonymous && !authentication.tokens && !authentication.clientCertificates;
}

/**
 * Authenticates, then authorizes, one request, as upstream's filter chain does before any handler runs: a 401 for
 * bad or (with anonymous access off) missing credentials, a 403 when no authorizer allows it.
 */
export function admitRequest(control: AccessControl, request: IncomingMessage): ApiError | undefined {
  const user = authenticate(control.authentication, request.headers, request.socket);
  if (!user) return unauthorized();
  users.set(request, user);
  if (control.allowsEverything) return undefined;
  const attributes = requestAttributes(user, request.method ?? 'GET', request.url ?? '/');
  const { decision, reason } = control.authorizer.authorize(attributes);
  return decision === 'Allow' ? undefined : forbiddenError(attributes, reason);
}
