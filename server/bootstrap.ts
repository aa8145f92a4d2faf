import type { ResourceTable } from './registry/resource.js';
import type { Store } from './registry/store.js';
import { BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES, BOOTSTRAP_METADATA } from './auth/bootstrap-policy.js';
import { SYSTEM_PRIORITY_CLASSES } from './registry/strategies/priorityclass.js';

/** The namespaces every cluster has from its first start. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Creates what a fresh cluster must contain; objects that already exist are left as they are. */
export function ensureSystemObjects(store: Store, table: ResourceTable): void {
  const namespaces = table.find('', 'v1', 'namespaces')!;
  for (const name of SYSTEM_NAMESPACES) {
    if (!store.tryGet(namespaces, '', name)) {
      store.create(namespaces, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }
}

/**
 * Upstream's post-start hooks for RBAC and scheduling: the default ClusterRoles and ClusterRoleBindings, and the
 * system priority classes. Missing ones are created; existing ones are left as their owner changed them.
 */
export function ensureBootstrapPolicy(store: Store, table: ResourceTable): void {
  const ensure = (group: string, resource: string, body: { metadata: { name: string } } & Record<string, unknown>) => {
    const def = table.find(group, 'v1', resource)!;
    if (!store.tryGet(def, '', body.metadata.name)) store.create(def, '', { apiVersion: def.apiVersion, kind: def.kind, ...body });
  };
  const rbac = 'rbac.authorization.k8s.io';
  for (const role of BOOTSTRAP_CLUSTER_ROLES) {
    ensure(rbac, 'clusterroles', { metadata: { name: role.name, ...structuredClone(BOOTSTRAP_METADATA) }, rules: role.rules });
  }
  for (const binding of BOOTSTRAP_CLUSTER_ROLE_BINDINGS) {
    ensure(rbac, 'clusterrolebindings', {
      metadata: { name: binding.name, ...structuredClone(BOOTSTRAP_METADATA) },
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: binding.role },
      subjects: binding.groups.map((name) => ({ apiGroup: rbac, kind: 'Group', name })),
    });
  }
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    ensure('scheduling.k8s.io', 'priorityclasses', { metadata: { name: pc.name }, value: pc.value, description: pc.description });
  }
}
