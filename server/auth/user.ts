/** Who a request comes from, as upstream's user.Info: a name, an optional uid and the groups it belongs to. */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
}

export const ANONYMOUS_USER = 'system:anonymous';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';
export const AUTHENTICATED_GROUP = 'system:authenticated';
/** Members are allowed everything, before any authorizer is asked (upstream's privileged group). */
export const MASTERS_GROUP = 'system:masters';

export function anonymousUser(): UserInfo {
  return { name: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] };
}

/**
 * Upstream's AuthenticatedGroupAdder: every authenticated user but the anonymous one also belongs to
 * system:authenticated, unless it already names one of the two catch-all groups itself.
 */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.name === ANONYMOUS_USER) return user;
  if (user.groups.includes(AUTHENTICATED_GROUP) || user.groups.includes(UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

/** The user name a service account's token authenticates as. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}
