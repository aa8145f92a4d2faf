import type { KubeObject } from '../../schemas/meta.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../server/registry/deletion.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import type { EventRecorder } from '../runtime/events.js';
import type { Informer } from '../runtime/informer.js';
import { DEFAULT_GARBAGE_COLLECTOR_CONFIG, type GarbageCollectorConfig } from './config.js';
import type { GraphNode } from './graph.js';
import { GraphBuilder } from './graph-builder.js';
import { deleteKey, parseKey } from './keys.js';
import { OwnerLookup } from './owner-lookup.js';
import { blocksOwner, dependentAction, formatOwnerRef, hasFinalizer, isBeingDeleted, isDeletingDependents } from './policy.js';
import { GcWriter } from './writer.js';

/**
 * The garbage collector (pkg/controller/garbagecollector): an ownership graph over every resource, fed by the
 * shared informers, and a queue of uids to delete (their owners are gone or deleting in the foreground) or whose
 * dependents to orphan.
 */
export class GarbageCollector extends Controller {
  private readonly builder = new GraphBuilder((key) => this.queue.add(key));
  private readonly informers: Informer[] = [];
  private readonly lookup: OwnerLookup;
  private readonly writer: GcWriter;
  private readonly recorder: EventRecorder;

  constructor(ctx: ControllerContext, config: GarbageCollectorConfig = DEFAULT_GARBAGE_COLLECTOR_CONFIG) {
    super('garbage-collector', ctx);
    this.lookup = new OwnerLookup(ctx.store, ctx.table);
    this.writer = new GcWriter(ctx.store);
    this.recorder = ctx.recorder('garbage-collector-controller');
    const ignored = (group: string, resource: string) =>
      config.ignoredResources.some((r) => r.group === group && r.resource === resource);
    for (const def of ctx.table.all) {
      if (ignored(def.group, def.resource)) continue;
      const informer = ctx.informers.for(def);
      this.informers.push(informer);
      informer.addHandlers({
        onAdd: (obj) => this.builder.observe(def, undefined, obj),
        onUpdate: (old, obj) => this.builder.observe(def, old, obj),
        onDelete: (obj) => this.builder.observeDeletion(obj),
      });
    }
  }

  protected sync(key: string): void {
    // Like upstream waiting for its monitors to sync: a partial graph would let a foreground owner go too early.
    if (!this.informers.every((i) => i.started)) throw new Error('informer caches are not started yet');
    const { queue, uid } = parseKey(key);
    const node = this.builder.graph.get(uid);
    const obj = node && this.cached(node);
    if (!node || !obj) return;
    if (queue === 'orphan') this.orphanDependents(node, obj);
    else this.attemptToDelete(node, obj);
  }

  private cached(node: GraphNode): KubeObject | undefined {
    const obj = this.ctx.informers.for(node.def).get(node.identity.namespace, node.identity.name);
    return obj?.metadata.uid === node.identity.uid ? obj : undefined;
  }

  private attemptToDelete(node: GraphNode, obj: KubeObject): void {
    if (isDeletingDependents(obj)) return this.processDeletingDependents(node);
    const refs = obj.metadata.ownerReferences ?? [];
    // Being deleted is a one-way trip: its dependents are handled once it is gone.
    if (isBeingDeleted(obj) || refs.length === 0) return;
    this.reportInvalidNamespaceRefs(node, obj);
    const classified = this.lookup.classify(node.identity.namespace, refs);
    if (!classified) return;
    const dependents = this.builder.graph.dependentsOf(node.identity.uid);
    const decision = dependentAction({
      finalizers: obj.metadata.finalizers ?? [],
      refs: classified,
      hasDependents: dependents.length > 0,
      dependentIsDeletingDependents: dependents.some((d) => d.deletingDependents),
    });
    if (decision.action === 'removeOwnerRefs') this.writer.removeOwnerReferences(node, decision.uids);
    if (decision.action !== 'delete') return;
    if (decision.unblockFirst) this.writer.unblockOwnerReferences(node);
    this.writer.delete(node, decision.policy);
  }

  /** An owner deleting in the foreground: its finalizer goes once no dependent blocks it; until then, push them. */
  private processDeletingDependents(node: GraphNode): void {
    const uid = node.identity.uid;
    const blocking = this.builder.graph.dependentsOf(uid).filter((dep) => blocksOwner(uid, dep.owners));
    if (blocking.length === 0) return this.writer.removeFinalizer(node, FOREGROUND_FINALIZER);
    for (const dep of blocking) if (!dep.deletingDependents) this.queue.add(deleteKey(dep.identity.uid));
  }

  private orphanDependents(node: GraphNode, obj: KubeObject): void {
    if (!isBeingDeleted(obj) || !hasFinalizer(obj, ORPHAN_FINALIZER)) return;
    for (const dep of this.builder.graph.dependentsOf(node.identity.uid)) {
      this.writer.removeOwnerReferences(dep, [node.identity.uid]);
    }
    this.writer.removeFinalizer(node, ORPHAN_FINALIZER);
  }

  /** A namespaced owner observed in another namespace than its dependent: the reference can never resolve. */
  private reportInvalidNamespaceRefs(node: GraphNode, obj: KubeObject): void {
    const namespace = node.identity.namespace;
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = this.builder.graph.get(ref.uid);
      if (!owner?.def.namespaced || owner.identity.namespace === namespace) continue;
      const message = `ownerRef ${formatOwnerRef(ref, namespace)} does not exist in namespace "${namespace}"`;
      this.recorder.event(obj, 'Warning', 'OwnerRefInvalidNamespace', message);
    }
  }
}
