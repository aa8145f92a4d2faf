import type { Affinity, PodTemplateSpec } from '../../schemas/core/pod.js';
import { newControllerRef } from '../runtime/controller-ref.js';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../server/registry/strategies/daemonset-template-generation.js';
import { daemonPodTolerations } from './tolerations.js';
import { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL, type DaemonPod, type DaemonSet } from './types.js';

const INT64 = /^[+-]?[0-9]+$/;

/**
 * util.GetTemplateGeneration: the deprecated annotation as a decimal integer, or undefined when it is absent or does
 * not parse (the controller then relies on the hash alone).
 */
export function templateGeneration(ds: DaemonSet): string | undefined {
  const text = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (text === undefined || !INT64.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value.toString() : undefined;
}

/** util.IsPodUpdated: the pod carries the current revision hash, or the current template generation. */
export function isPodUpdated(pod: DaemonPod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const hashMatches = hash.length > 0 && labels[REVISION_HASH_LABEL] === hash;
  const generationMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation;
  return hashMatches || generationMatches;
}

/**
 * util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod is pinned to its node through the scheduler, with one
 * required term `metadata.name In [node]` that replaces the user's required terms (they held for this node already).
 */
export function pinToNode(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const out = structuredClone(affinity ?? {});
  const nodeAffinity = (out.nodeAffinity ??= {});
  if (nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) {
    nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = required.nodeSelectorTerms;
  } else {
    nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = required;
  }
  return out;
}

/**
 * The pod the controller creates for one node: util.CreatePodTemplate (default tolerations, hash and generation
 * labels) + controller.GetPodFromTemplate (labels, annotations and finalizers of the template, `<ds>-` generateName,
 * the controller reference) + the node pinning. spec.nodeName stays empty: the scheduler binds it.
 */
export function newDaemonPod(ds: DaemonSet, nodeName: string, hash: string): DaemonPod {
  const template: PodTemplateSpec = ds.spec?.template ?? {};
  const labels: Record<string, string> = { ...template.metadata?.labels };
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = generation;
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  const spec = structuredClone(template.spec ?? {});
  spec.tolerations = daemonPodTolerations(template.spec);
  spec.affinity = pinToNode(template.spec?.affinity, nodeName);
  const metadata: DaemonPod['metadata'] = { generateName: `${ds.metadata.name}-`, labels };
  if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) metadata.finalizers = [...template.metadata.finalizers];
  metadata.ownerReferences = [newControllerRef({ ...ds, apiVersion: 'apps/v1', kind: 'DaemonSet' })];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

function creationTime(pod: DaemonPod): number {
  const t = pod.metadata.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/** podByCreationTimestampAndPhase: bound pods first, then the oldest, then by name. */
export function comparePods(a: DaemonPod, b: DaemonPod): number {
  const aBound = !!a.spec?.nodeName;
  const bBound = !!b.spec?.nodeName;
  if (aBound !== bBound) return aBound ? -1 : 1;
  const diff = creationTime(a) - creationTime(b);
  if (diff !== 0) return diff;
  const an = a.metadata.name ?? '';
  const bn = b.metadata.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}
