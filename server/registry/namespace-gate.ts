import type { KubeObject } from '../../schemas/meta.js';
import { forbidden, notFound } from '../errors.js';
import type { ObjectLog } from '../storage/log.js';
import type { ResourceDef } from './resource.js';

const NAMESPACES = 'namespaces';

/**
 * Upstream's NamespaceLifecycle admission: no new object in a namespace that does not exist or is being deleted.
 * Every create asks, so namespaces found open are remembered until the next write to any namespace (or a batch that
 * failed to commit) — what the log says stays the one source of truth.
 */
export class NamespaceGate {
  private readonly open = new Set<string>();
  private seenWrites = -1;

  constructor(private readonly log: ObjectLog) {}

  assertOpen(def: ResourceDef, namespace: string, name: string): void {
    const writes = this.log.writeCount(NAMESPACES);
    if (writes !== this.seenWrites) this.forget(writes);
    if (this.open.has(namespace)) return;
    const row = this.log.get(NAMESPACES, '', namespace);
    if (!row) throw notFound({ group: '', resource: NAMESPACES }, namespace);
    const ns = JSON.parse(row.body) as KubeObject & { status?: { phase?: string } };
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
      const err = forbidden(def, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
      err.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }];
      throw err;
    }
    this.open.add(namespace);
  }

  /** Forget what was seen: a batch of writes was rolled back, so a namespace seen inside it may not exist. */
  forget(writes = this.log.writeCount(NAMESPACES)): void {
    this.open.clear();
    this.seenWrites = writes;
  }
}
