import type { KubeObject } from '../../schemas/meta.js';
import { matchesLabels, type LabelRequirement } from '../../server/registry/selectors/label-selector.js';
import { HEARTBEAT_ANNOTATION, HEARTBEAT_STOPPED, SIMULATED_ANNOTATION } from './config.js';

/** Whether this kubelet plays the node at all: selected by the configured selector and not opted out. */
export function isSimulatedNode(node: KubeObject, selector: readonly LabelRequirement[]): boolean {
  if (node.metadata.annotations?.[SIMULATED_ANNOTATION] === 'false') return false;
  return matchesLabels(selector, node.metadata.labels);
}

export function heartbeatStopped(node: KubeObject): boolean {
  return node.metadata.annotations?.[HEARTBEAT_ANNOTATION] === HEARTBEAT_STOPPED;
}

/** A simulated node whose kubelet is alive: it heartbeats, runs its pods and finishes their deletion. */
export function kubeletRunning(node: KubeObject, selector: readonly LabelRequirement[]): boolean {
  return isSimulatedNode(node, selector) && !heartbeatStopped(node);
}
