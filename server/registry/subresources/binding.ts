import type { KubeObject } from '../../../schemas/meta.js';
import { badRequest, conflict, invalidObject } from '../../errors.js';
import { formatTime } from '../../clock.js';
import { invalid, required, type FieldError } from '../field-errors.js';
import type { ResourceDef } from '../resource.js';
import { isPlainObject } from '../json-value.js';

interface Binding {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  target?: { kind?: string; name?: string; apiVersion?: string };
}

interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

interface BindablePod extends KubeObject {
  spec?: { nodeName?: string; schedulingGates?: unknown[] };
  status?: { conditions?: PodCondition[] };
}

/** Upstream's ValidatePodBinding. */
export function validateBinding(body: unknown, podName: string): Binding {
  if (!isPlainObject(body)) throw badRequest('Binding in version "v1" cannot be handled as a Binding: the body must be a JSON object');
  const binding = body as Binding;
  if (binding.metadata?.name !== undefined && binding.metadata.name !== podName) {
    throw badRequest(`the name of the object (${binding.metadata.name}) does not match the name on the URL (${podName})`);
  }
  const errors: FieldError[] = [];
  const kind = binding.target?.kind ?? '';
  if (kind !== '' && kind !== 'Node') errors.push(invalid('target.kind', kind, 'must be empty or \'Node\''));
  if (!binding.target?.name) errors.push(required('target.name'));
  if (errors.length > 0) throw invalidObject('Binding', '', podName, errors);
  return binding;
}

/**
 * What POST pods/<name>/binding does to the pod: sets spec.nodeName, merges the binding's annotations and marks
 * the pod scheduled — refusing a pod already bound, being deleted, or still gated, as upstream's BindingREST does.
 */
export function bindPod(podsDef: ResourceDef, pod: KubeObject, binding: Binding, now: number): KubeObject {
  const next = pod as BindablePod;
  const name = pod.metadata.name!;
  const target = binding.target!.name!;
  const bindingResource = { group: podsDef.group, resource: 'pods/binding' };
  if (next.metadata.deletionTimestamp) throw conflict(bindingResource, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (next.spec?.nodeName) throw conflict(bindingResource, name, `pod ${name} is already assigned to node "${next.spec.nodeName}"`);
  if ((next.spec?.schedulingGates ?? []).length > 0) throw conflict(bindingResource, name, `pod ${name} has non-empty .spec.schedulingGates`);
  next.spec = { ...next.spec, nodeName: target };
  if (binding.metadata?.annotations) {
    next.metadata.annotations = { ...next.metadata.annotations, ...binding.metadata.annotations };
  }
  const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const previous = next.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const changed = previous?.status !== 'True';
  conditions.push({
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: changed ? formatTime(now) : (previous?.lastTransitionTime ?? formatTime(now)),
  });
  next.status = { ...next.status, conditions };
  return next;
}
