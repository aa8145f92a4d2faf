import type { Taint } from '../../schemas/core/node.js';
import { formatTime } from '../../server/clock.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { NodeObject } from '../../server/registry/strategies/node.js';
import type { ControllerContext } from '../runtime/context.js';
import { addOrUpdateTaints, hasTaint, removeTaints, sameTaintList } from './taints.js';

/** The node spec writes of the node lifecycle controller; failures surface as ApiErrors for the caller to weigh. */
export class NodeWriter {
  constructor(private readonly ctx: ControllerContext, private readonly nodes: ResourceDef) {}

  /**
   * SwapNodeControllerTaint: adds the taints stamped with the current time (replacing one with the same key and
   * effect) and removes others, in one write; nothing is written when the taints would not change.
   */
  swapTaints(name: string, add: readonly Taint[], remove: readonly Taint[]): void {
    const timeAdded = formatTime(this.ctx.clock.now());
    const stamped = add.map((t) => ({ key: t.key, effect: t.effect, timeAdded }));
    this.ctx.store.guaranteedUpdate(this.nodes, '', name, (current) => {
      const node = current as NodeObject;
      const before = node.spec?.taints ?? [];
      const after = removeTaints(addOrUpdateTaints(before, stamped), remove);
      if (sameTaintList(before, after)) return undefined;
      const spec = (node.spec ??= {});
      if (after.length > 0) spec.taints = after;
      else delete spec.taints;
      return node;
    });
  }

  /** RemoveTaintOffNode: the cached node says whether there is anything to remove, sparing a write per healthy node. */
  removeTaints(cached: NodeObject, taints: readonly Taint[]): void {
    const present = cached.spec?.taints ?? [];
    if (!taints.some((t) => hasTaint(present, t))) return;
    this.swapTaints(cached.metadata.name!, [], taints);
  }

  addLabels(name: string, labels: Record<string, string>): void {
    this.ctx.store.guaranteedUpdate(this.nodes, '', name, (node) => {
      node.metadata.labels = { ...node.metadata.labels, ...labels };
      return node;
    });
  }
}
