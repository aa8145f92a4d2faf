import type { ResourceTable } from './registry/resource.js';
import type { Store } from './registry/store.js';

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
