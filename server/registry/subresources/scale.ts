import type { KubeObject, LabelSelector } from '../../../schemas/meta.js';
import { badRequest, conflict, invalidObject, OBJECT_MODIFIED } from '../../errors.js';
import { invalid } from '../field-errors.js';
import type { ResourceDef } from '../resource.js';
import { labelRequirementsString, labelSelectorFromObject } from '../selectors/label-selector.js';
import { isPlainObject } from '../json-value.js';

/** autoscaling/v1 Scale: the replica count of a workload, as `kubectl scale` and autoscalers read and write it. */
export interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: { name?: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string | null };
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

interface Scalable extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector | Record<string, string> };
  status?: { replicas?: number };
}

/** core/v1 ReplicationControllers select with a plain map; apps/v1 kinds with a LabelSelector. */
function selectorString(def: ResourceDef, selector: LabelSelector | Record<string, string> | undefined): string {
  if (!selector) return '';
  const asObject = def.group === '' ? { matchLabels: selector as Record<string, string> } : (selector as LabelSelector);
  return labelRequirementsString(labelSelectorFromObject(asObject));
}

export function toScale(def: ResourceDef, obj: KubeObject): Scale {
  const workload = obj as Scalable;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: workload.spec?.replicas ?? 0 },
    status: { replicas: workload.status?.replicas ?? 0, selector: selectorString(def, workload.spec?.selector) },
  };
}

/**
 * Applies a Scale written by a client to the workload it belongs to: the Scale's name must be the object's, a
 * resourceVersion in it is a precondition, and replicas must be a non-negative integer.
 */
export function applyScale(def: ResourceDef, current: KubeObject, body: unknown): KubeObject {
  if (!isPlainObject(body)) throw badRequest('Scale in version "v1" cannot be handled as a Scale: the body must be a JSON object');
  const scale = body as Partial<Scale>;
  const name = current.metadata.name!;
  if (scale.metadata?.name !== undefined && scale.metadata.name !== name) {
    throw badRequest(`the name of the object (${scale.metadata.name}) does not match the name on the URL (${name})`);
  }
  const wanted = scale.metadata?.resourceVersion;
  if (wanted && wanted !== current.metadata.resourceVersion) throw conflict(def, name, OBJECT_MODIFIED);
  const replicas = scale.spec?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (replicas < 0) {
    throw invalidObject('Scale', 'autoscaling', name, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const next = structuredClone(current) as Scalable;
  next.spec = { ...next.spec, replicas };
  return next;
}
