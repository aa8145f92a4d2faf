import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, Strict, TopLevel } from '../meta.js';

const Strings = () => Type.Optional(Type.Array(Type.String()));

/**
 * rbac.authorization.k8s.io/v1. Every field is optional here even where upstream's JSON has no omitempty: a missing
 * verbs list or roleRef name is the strategy's 422 with upstream's wording, not a decoding error.
 */
export const PolicyRule = Strict({
  verbs: Strings(),
  apiGroups: Strings(),
  resources: Strings(),
  resourceNames: Strings(),
  nonResourceURLs: Strings(),
});
export type PolicyRule = Static<typeof PolicyRule>;

export const AggregationRule = Strict({ clusterRoleSelectors: Type.Optional(Type.Array(LabelSelector)) });

export const Subject = Strict({
  kind: Type.Optional(Type.String()),
  apiGroup: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
});
export type Subject = Static<typeof Subject>;

export const RoleRef = Strict({
  apiGroup: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});
export type RoleRef = Static<typeof RoleRef>;

export const Role = TopLevel({ rules: Type.Optional(Type.Array(PolicyRule)) });
export type Role = Static<typeof Role>;

export const ClusterRole = TopLevel({
  rules: Type.Optional(Type.Array(PolicyRule)),
  aggregationRule: Type.Optional(AggregationRule),
});
export type ClusterRole = Static<typeof ClusterRole>;

export const RoleBinding = TopLevel({
  subjects: Type.Optional(Type.Array(Subject)),
  roleRef: Type.Optional(RoleRef),
});
export type RoleBinding = Static<typeof RoleBinding>;

/** ClusterRoleBinding has the same fields as RoleBinding; only its scope and the roleRef kinds it allows differ. */
export const ClusterRoleBinding = TopLevel({
  subjects: Type.Optional(Type.Array(Subject)),
  roleRef: Type.Optional(RoleRef),
});
export type ClusterRoleBinding = Static<typeof ClusterRoleBinding>;
