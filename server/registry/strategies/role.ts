import type { ClusterRole, Role } from '../../../schemas/rbac/rbac.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { validateRules } from './rbac-validation.js';

type RoleObject = Role & KubeObject;
type ClusterRoleObject = ClusterRole & KubeObject;

/** pkg/registry/rbac/role: names only need to be path segments; each rule is checked on every write. */
export const roleStrategy = defineStrategy<RoleObject>({
  nameRule: 'path-segment',
  validate: (role) => validateRules(role.rules, true),
});

/** ClusterRoles may also hold non-resource URL rules. */
export const clusterRoleStrategy = defineStrategy<ClusterRoleObject>({
  nameRule: 'path-segment',
  validate: (role) => validateRules(role.rules, false),
});
