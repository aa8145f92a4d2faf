import type { ClusterRoleBinding, RoleBinding } from '../../../schemas/rbac/rbac.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { defaultBinding, validateRoleRef, validateRoleRefUnchanged, validateSubject } from './rbac-validation.js';

type RoleBindingObject = RoleBinding & KubeObject;
type ClusterRoleBindingObject = ClusterRoleBinding & KubeObject;

/** pkg/registry/rbac/rolebinding: a binding's roleRef is fixed for its life; subjects may change. */
export const roleBindingStrategy = defineStrategy<RoleBindingObject>({
  nameRule: 'path-segment',
  applyDefaults: defaultBinding,
  validate: (binding) => [
    ...validateRoleRef(binding.roleRef, ['Role', 'ClusterRole']),
    ...(binding.subjects ?? []).flatMap((s, i) => validateSubject(s, true, `subjects[${i}]`)),
  ],
  validateUpdate: (binding, old) => validateRoleRefUnchanged(binding.roleRef, old.roleRef),
});

/** A ClusterRoleBinding grants a ClusterRole everywhere, so its ServiceAccount subjects must name their namespace. */
export const clusterRoleBindingStrategy = defineStrategy<ClusterRoleBindingObject>({
  nameRule: 'path-segment',
  applyDefaults: defaultBinding,
  validate: (binding) => [
    ...validateRoleRef(binding.roleRef, ['ClusterRole']),
    ...(binding.subjects ?? []).flatMap((s, i) => validateSubject(s, false, `subjects[${i}]`)),
  ],
  validateUpdate: (binding, old) => validateRoleRefUnchanged(binding.roleRef, old.roleRef),
});
