import { objectKey } from '../runtime/informer.js';
import { buildNodeInfo, holdsNodeResources, type NodeInfo, type SchedNode, type SchedPod } from './node-info.js';

/**
 * The scheduler's cache: the pods holding resources on each node, and each node's aggregate, rebuilt only when
 * the node or its pods change. Pods bound to a node that does not exist (yet) wait here for it.
 */
export class NodeInfoCache {
  private readonly podsByNode = new Map<string, Map<string, SchedPod>>();
  private readonly infos = new Map<string, NodeInfo>();

  /** Follows one pod change; true when the pod stopped holding resources on its node (deleted or finished). */
  applyPod(old: SchedPod | undefined, pod: SchedPod | undefined): boolean {
    const before = old && holdsNodeResources(old) ? old.spec!.nodeName! : undefined;
    const after = pod && holdsNodeResources(pod) ? pod.spec!.nodeName! : undefined;
    if (before !== undefined) {
      const pods = this.podsByNode.get(before);
      pods?.delete(objectKey(old!));
      if (pods?.size === 0) this.podsByNode.delete(before);
      this.infos.delete(before);
    }
    if (after !== undefined) {
      let pods = this.podsByNode.get(after);
      if (!pods) this.podsByNode.set(after, (pods = new Map()));
      pods.set(objectKey(pod!), pod!);
      this.infos.delete(after);
    }
    return before !== undefined && after === undefined;
  }

  forgetNode(name: string): void {
    this.infos.delete(name);
  }

  /** The NodeInfo of every given node; cached aggregates are shared and must not be changed. */
  snapshot(nodes: readonly SchedNode[]): NodeInfo[] {
    return nodes.map((node) => {
      const name = node.metadata.name!;
      let info = this.infos.get(name);
      if (!info || info.node !== node) {
        info = buildNodeInfo(node, [...(this.podsByNode.get(name)?.values() ?? [])]);
        this.infos.set(name, info);
      }
      return info;
    });
  }
}
