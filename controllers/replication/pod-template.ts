import type { PodTemplateSpec } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { newControllerRef } from '../runtime/controller-ref.js';

/** The longest object name (a DNS subdomain). */
const MAX_NAME_LENGTH = 253;

/** getPodsPrefix: `<name>-` reads better, unless the dash would make the prefix too long to be a name. */
export function podNamePrefix(ownerName: string): string {
  return ownerName.length + 1 > MAX_NAME_LENGTH ? ownerName : `${ownerName}-`;
}

/**
 * GetPodFromTemplate: a pod with the template's labels, annotations, finalizers and spec, named by the API server
 * from `<owner>-`, controlled by the owner (controller and blockOwnerDeletion set).
 */
export function podFromTemplate(owner: KubeObject, template: PodTemplateSpec | undefined): KubeObject {
  const meta = template?.metadata;
  const metadata: KubeObject['metadata'] = {
    generateName: podNamePrefix(owner.metadata.name ?? ''),
    labels: { ...meta?.labels },
    ownerReferences: [newControllerRef(owner)],
  };
  if (meta?.annotations) metadata.annotations = { ...meta.annotations };
  if (meta?.finalizers) metadata.finalizers = [...meta.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template?.spec ?? {}) };
}

/** RealPodControl refuses to create a pod without labels: nothing could ever select it. */
export function hasLabels(pod: KubeObject): boolean {
  return Object.keys(pod.metadata.labels ?? {}).length > 0;
}
