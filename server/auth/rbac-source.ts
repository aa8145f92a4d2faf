import type { KubeObject } from '../../schemas/meta.js';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from '../../schemas/rbac/rbac.js';
import { Informer } from '../../controllers/runtime/informer.js';
import type { ResourceTable } from '../registry/resource.js';
import type { Store } from '../registry/store.js';
import type { WatchHub } from '../storage/watch-hub.js';

export type RoleObject = Role & KubeObject;
export type ClusterRoleObject = ClusterRole & KubeObject;
export type BindingObject = (RoleBinding | ClusterRoleBinding) & KubeObject;

/** The RBAC objects the authorizer reads, as upstream's listers offer them. */
export interface RbacSource {
  clusterRoleBindings(): readonly BindingObject[];
  roleBindings(namespace: string): readonly BindingObject[];
  clusterRole(name: string): ClusterRoleObject | undefined;
  role(namespace: string, name: string): RoleObject | undefined;
}

export interface RunningRbacSource extends RbacSource {
  stop(): void;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * Roles and bindings kept in memory from the store's watch hub, so authorizing a request costs no SQL. The caches
 * are filled synchronously at start, and a change is in them before the write that made it is acknowledged (the
 * hub publishes at commit; responses leave after it).
 */
export function informerRbacSource(store: Store, hub: WatchHub, table: ResourceTable): RunningRbacSource {
  const informer = (resource: string) => {
    const def = table.find(RBAC_GROUP, 'v1', resource);
    if (!def) throw new Error(`the resource table has no ${resource}.${RBAC_GROUP}`);
    const started = new Informer(store, hub, def);
    started.start();
    return started;
  };
  const roles = informer('roles');
  const clusterRoles = informer('clusterroles');
  const roleBindings = informer('rolebindings');
  const clusterRoleBindings = informer('clusterrolebindings');
  return {
    clusterRoleBindings: () => clusterRoleBindings.list() as BindingObject[],
    roleBindings: (namespace) => roleBindings.list(namespace) as BindingObject[],
    clusterRole: (name) => clusterRoles.get('', name) as ClusterRoleObject | undefined,
    role: (namespace, name) => roles.get(namespace, name) as RoleObject | undefined,
    stop() {
      for (const i of [roles, clusterRoles, roleBindings, clusterRoleBindings]) i.stop();
    },
  };
}
