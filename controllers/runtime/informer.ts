import type { KubeObject } from '../../schemas/meta.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';
import type { ChangeEvent, WatchHub } from '../../server/storage/watch-hub.js';
import { ApiError } from '../../server/errors.js';

export interface InformerHandlers {
  onAdd?(obj: KubeObject): void;
  onUpdate?(old: KubeObject, obj: KubeObject): void;
  onDelete?(obj: KubeObject): void;
}

export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/**
 * An in-process informer: lists once from the store, then follows the watch hub, keeping a cache of the current
 * objects and telling handlers what changed. The list and the subscription happen in one tick, so no change can
 * fall between them. Cached objects are shared: handlers and controllers must never mutate them.
 */
export class Informer {
  private readonly cache = new Map<string, KubeObject>();
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  private readonly handlers: InformerHandlers[] = [];
  private unsubscribe: (() => void) | undefined;
  private changes = 0;

  constructor(private readonly store: Store, private readonly hub: WatchHub, readonly def: ResourceDef) {}

  addHandlers(handlers: InformerHandlers): void {
    this.handlers.push(handlers);
    if (this.unsubscribe) for (const obj of this.cache.values()) handlers.onAdd?.(obj);
  }

  get started(): boolean {
    return this.unsubscribe !== undefined;
  }

  start(): void {
    if (this.unsubscribe) return;
    for (const obj of this.store.list(this.def, undefined, {}).items) this.put(obj);
    this.unsubscribe = this.hub.subscribe({
      resource: this.def.key,
      deliver: (event) => this.apply(event),
      close: () => this.stop(),
    });
    for (const obj of this.cache.values()) for (const h of this.handlers) h.onAdd?.(obj);
  }

  /**
   * Like start(), but lists in pages and yields to other work between them, so a server with a large database keeps
   * answering while its controllers fill their caches. As client-go's reflector does, the pages are one snapshot
   * (continue tokens) and the changes committed meanwhile are buffered and applied after the last page.
   */
  async startInPages(pageSize = 1000): Promise<void> {
    if (this.unsubscribe) return;
    const buffered: ChangeEvent[] = [];
    let live = false;
    this.unsubscribe = this.hub.subscribe({
      resource: this.def.key,
      deliver: (event) => (live ? this.apply(event) : buffered.push(event)),
      close: () => this.stop(),
    });
    let snapshotRv: number;
    try {
      let page = this.store.list(this.def, undefined, { limit: pageSize });
      snapshotRv = Number(page.resourceVersion);
      for (;;) {
        for (const obj of page.items) this.put(obj);
        if (!page.continue) break;
        await new Promise((resolve) => setImmediate(resolve));
        if (!this.unsubscribe) return;
        page = this.store.list(this.def, undefined, { limit: pageSize, continue: page.continue });
      }
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 410)) throw err;
      // The log moved past the snapshot while paging: take the whole current state at once instead.
      this.cache.clear();
      this.byNamespace.clear();
      const all = this.store.list(this.def, undefined, {});
      snapshotRv = Number(all.resourceVersion);
      for (const obj of all.items) this.put(obj);
    }
    for (const obj of this.cache.values()) for (const h of this.handlers) h.onAdd?.(obj);
    for (const event of buffered) if (event.rv > snapshotRv) this.apply(event);
    live = true;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Grows with every change the cache applies: lets a sync reuse what it derived from an unchanged cache. */
  get revision(): number {
    return this.changes;
  }

  get size(): number {
    return this.cache.size;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  getByKey(key: string): KubeObject | undefined {
    return this.cache.get(key);
  }

  /** Every cached object, or those of one namespace. */
  list(namespace?: string): KubeObject[] {
    if (namespace === undefined) return [...this.cache.values()];
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  private put(obj: KubeObject): KubeObject | undefined {
    const key = objectKey(obj);
    const old = this.cache.get(key);
    this.cache.set(key, obj);
    const ns = obj.metadata.namespace ?? '';
    let map = this.byNamespace.get(ns);
    if (!map) this.byNamespace.set(ns, (map = new Map()));
    map.set(obj.metadata.name!, obj);
    return old;
  }

  private apply(event: ChangeEvent): void {
    this.changes++;
    if (event.type === 'DELETED') {
      const key = objectKey(event.object);
      this.cache.delete(key);
      this.byNamespace.get(event.namespace)?.delete(event.name);
      for (const h of this.handlers) h.onDelete?.(event.object);
      return;
    }
    const old = this.put(event.object);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, event.object);
      else h.onAdd?.(event.object);
    }
  }
}

/** One informer per resource, shared by every controller that watches it. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(private readonly store: Store, private readonly hub: WatchHub) {}

  for(def: ResourceDef): Informer {
    let informer = this.informers.get(def.key);
    if (!informer) {
      informer = new Informer(this.store, this.hub, def);
      this.informers.set(def.key, informer);
    }
    return informer;
  }

  startAll(): void {
    for (const informer of this.informers.values()) informer.start();
  }

  /** Every informer, listing in pages concurrently; resolves once all caches are filled. */
  async startAllInPages(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.startInPages()));
  }

  stopAll(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
