import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { Toleration } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { PodObject } from './pod-status.js';

/** Annotations the kubelet puts on static pods (kubetypes.Config*AnnotationKey). */
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';
export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const CONFIG_SEEN_ANNOTATION = 'kubernetes.io/config.seen';

/** One Pod read from one file of the manifest directory. */
export interface StaticManifest {
  file: string;
  pod: PodObject;
}

/** Static pods survive node problems: the file source tolerates every NoExecute taint. */
const NO_EXECUTE_EVERYTHING: Toleration = { operator: 'Exists', effect: 'NoExecute' };

/** A file holds one Pod (YAML or JSON) with a name; anything else is reported and skipped, as upstream does. */
export function parseManifest(file: string, text: string): StaticManifest | { error: string } {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (err) {
    return { error: `${file}: couldn't parse as pod (${err instanceof Error ? err.message : String(err)})` };
  }
  const pod = doc as Partial<PodObject> | null;
  if (typeof pod !== 'object' || pod === null || Array.isArray(pod)) return { error: `${file}: not an object` };
  if (pod.apiVersion !== 'v1' || pod.kind !== 'Pod') return { error: `${file}: invalid pod: expected apiVersion v1, kind Pod` };
  if (typeof pod.metadata?.name !== 'string' || pod.metadata.name === '') return { error: `${file}: invalid pod: missing name` };
  return { file, pod: pod as PodObject };
}

/** Object keys in a fixed order, so the hash depends on the manifest's content, not its layout. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, stable(obj[k])]));
}

/** The static pod's uid upstream: a hash of the pod, the host and the file; it doubles as config.hash. */
export function staticPodHash(manifest: StaticManifest, nodeName: string): string {
  return createHash('md5')
    .update(JSON.stringify(stable(manifest.pod)))
    .update(`host:${nodeName}`)
    .update(`file:${manifest.file}`)
    .digest('hex');
}

export function staticPodNamespace(manifest: StaticManifest): string {
  return manifest.pod.metadata.namespace || 'default';
}

/** Unique among nodes: the node's name, lower-cased, is appended. */
export function mirrorPodName(manifest: StaticManifest, nodeName: string): string {
  return `${manifest.pod.metadata.name}-${nodeName.toLowerCase()}`;
}

export function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;
}

export function mirrorHash(pod: KubeObject): string | undefined {
  return pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION];
}

/**
 * The API object for a static pod: the manifest bound to the node, carrying the config annotations and the hash
 * as config.mirror, and owned by the Node (controller) as the NodeRestriction admission requires.
 */
export function mirrorPodFor(manifest: StaticManifest, node: KubeObject, hash: string, seen: string): PodObject {
  const { pod } = manifest;
  const nodeName = node.metadata.name!;
  const tolerations = [...(pod.spec?.tolerations ?? [])];
  if (!tolerations.some((t) => !t.key && t.operator === 'Exists' && t.effect === 'NoExecute' && !t.value)) {
    tolerations.push(NO_EXECUTE_EVERYTHING);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: mirrorPodName(manifest, nodeName),
      namespace: staticPodNamespace(manifest),
      labels: pod.metadata.labels,
      annotations: {
        ...pod.metadata.annotations,
        [CONFIG_HASH_ANNOTATION]: hash,
        [CONFIG_MIRROR_ANNOTATION]: hash,
        [CONFIG_SEEN_ANNOTATION]: seen,
        [CONFIG_SOURCE_ANNOTATION]: 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid!, controller: true }],
    },
    spec: { ...pod.spec, nodeName, tolerations },
  };
}

/** time.RFC3339Nano, as config.seen is written: fractional seconds without trailing zeros. */
export function formatSeen(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}
