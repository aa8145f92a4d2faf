import type { Attributes } from './attributes.js';
import { MASTERS_GROUP } from './user.js';

export type Decision = 'Allow' | 'Deny' | 'NoOpinion';

export interface AuthorizationResult {
  decision: Decision;
  /** Why: shown after the 403 message and in a SelfSubjectAccessReview's status. */
  reason: string;
}

export interface Authorizer {
  authorize(attributes: Attributes): AuthorizationResult;
}

export const AUTHORIZATION_MODES = ['AlwaysAllow', 'AlwaysDeny', 'RBAC'] as const;
export type AuthorizationMode = (typeof AUTHORIZATION_MODES)[number];

export const alwaysAllow: Authorizer = { authorize: () => ({ decision: 'Allow', reason: '' }) };
export const alwaysDeny: Authorizer = { authorize: () => ({ decision: 'NoOpinion', reason: 'Everything is forbidden.' }) };

/** Upstream's privileged-group authorizer, always first: system:masters may do anything. */
export const mastersAuthorizer: Authorizer = {
  authorize: (a) => ({ decision: a.user.groups.includes(MASTERS_GROUP) ? 'Allow' : 'NoOpinion', reason: '' }),
};

/** The first authorizer with an opinion decides; without one, the reasons of all of them are kept. */
export function unionAuthorizer(authorizers: Authorizer[]): Authorizer {
  return {
    authorize(attributes) {
      const reasons: string[] = [];
      for (const authorizer of authorizers) {
        const result = authorizer.authorize(attributes);
        if (result.decision !== 'NoOpinion') return result;
        if (result.reason) reasons.push(result.reason);
      }
      return { decision: 'NoOpinion', reason: reasons.join('\n') };
    },
  };
}

/** `--authorization-mode` is a comma-separated list, tried in order as upstream does. */
export function parseAuthorizationModes(text: string): AuthorizationMode[] {
  const modes = text.split(',').map((m) => m.trim());
  for (const mode of modes) {
    if (!(AUTHORIZATION_MODES as readonly string[]).includes(mode)) {
      throw new Error(`authorization-mode "${mode}" is not supported; supported modes: ${AUTHORIZATION_MODES.join(', ')}`);
    }
  }
  if (new Set(modes).size !== modes.length) throw new Error(`authorization-mode ${text} has mode specified more than once`);
  return modes as AuthorizationMode[];
}
