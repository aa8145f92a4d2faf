import type { ControllerRevisionObject } from '../../server/registry/strategies/controllerrevision.js';
import type { DaemonSetObject } from '../../server/registry/strategies/daemonset.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { Node } from '../../schemas/core/node.js';
import type { Pod } from '../../schemas/core/pod.js';
import type { PodObject } from '../runtime/pod-state.js';

/** The objects this controller reads, typed by their schemas; all come from informer caches and are read-only. */
export type DaemonSet = DaemonSetObject;
export type DaemonPod = Pod & KubeObject;
export type NodeObject = Node & KubeObject;
export type Revision = ControllerRevisionObject;

/** Pods this DaemonSet controls, grouped by the node they run on or are pinned to. */
export type NodeToDaemonPods = Map<string, DaemonPod[]>;

/** Upstream's apps.DefaultDaemonSetUniqueLabelKey: the revision hash put on pods and revisions. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** Upstream's extensions.DaemonSetTemplateGenerationKey, kept on pods for compatibility with old clients. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** The event source, as kube-controller-manager names it. */
export const COMPONENT = 'daemonset-controller';

/**
 * The runtime's pod helpers type pods loosely and differently from the schema (required matchFields keys); both
 * describe the same stored objects.
 */
export function podState(pod: DaemonPod): PodObject {
  return pod as unknown as PodObject;
}
