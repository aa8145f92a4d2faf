import { isNamespaceTerminating } from '../runtime/api-errors.js';
import type { PodTemplateSpec } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';
import type { EventRecorder } from '../runtime/events.js';
import type { Expectations } from '../runtime/expectations.js';
import type { PodObject } from '../runtime/pod-state.js';
import { slowStartBatch } from '../runtime/slow-start.js';
import { hasLabels, podFromTemplate } from './pod-template.js';
import { podsToDelete } from './victims.js';

export interface PodControl {
  store: Store;
  pods: ResourceDef;
  expectations: Expectations;
  recorder: EventRecorder;
  burstReplicas: number;
}

export interface ManageInput {
  owner: KubeObject;
  key: string;
  replicas: number;
  template: PodTemplateSpec | undefined;
  /** The active pods the owner controls. */
  pods: PodObject[];
  /** Pods counted for the doubled-up rank on scale-down. */
  related: () => PodObject[];
  now: number;
}

function createPod(pc: PodControl, owner: KubeObject, template: PodTemplateSpec | undefined): void {
  const pod = podFromTemplate(owner, template);
  if (!hasLabels(pod)) throw new Error('unable to create pods, no labels');
  let created: KubeObject;
  try {
    created = pc.store.create(pc.pods, owner.metadata.namespace ?? '', pod);
  } catch (err) {
    // Every further create would fail the same way and the namespace controller is deleting the owner anyway.
    if (isNamespaceTerminating(err)) return;
    pc.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
  pc.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
}

/** Deletes `pod`, returning the API error when the call failed. */
function deletePod(pc: PodControl, owner: KubeObject, pod: PodObject): ApiError | undefined {
  const name = pod.metadata.name ?? '';
  try {
    pc.store.delete(pc.pods, pod.metadata.namespace ?? '', name);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.code !== 404) pc.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
    return err;
  }
  pc.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  return undefined;
}

/**
 * manageReplicas: creates or deletes pods to reach spec.replicas, at most burstReplicas per sync. Expectations are
 * recorded before any call, so the informer events of this sync's own writes are never mistaken for missing pods.
 * Returns the first error, for the ReplicaFailure condition and a rate-limited retry.
 */
export function manageReplicas(pc: PodControl, input: ManageInput): Error | undefined {
  const { owner, key } = input;
  const diff = input.pods.length - input.replicas;
  if (diff < 0) {
    const count = Math.min(-diff, pc.burstReplicas);
    pc.expectations.expect(key, count);
    const { successes, error } = slowStartBatch(count, () => createPod(pc, owner, input.template));
    // Creations that were never attempted (or failed) will never be observed.
    for (let i = successes; i < count; i++) pc.expectations.creationObserved(key);
    if (error === undefined || error instanceof Error) return error;
    throw error;
  }
  if (diff === 0) return undefined;
  const victims = podsToDelete(input.pods, input.related(), Math.min(diff, pc.burstReplicas), input.now);
  pc.expectations.expect(key, 0, victims.map((pod) => pod.metadata.uid ?? ''));
  let first: Error | undefined;
  for (const pod of victims) {
    const failed = deletePod(pc, owner, pod);
    if (!failed) continue;
    // A deletion that did not happen will never be observed; one that already happened may have been missed.
    pc.expectations.deletionObserved(key, pod.metadata.uid);
    if (failed.code !== 404) first ??= new Error(`unable to delete pods: ${failed.message}`);
  }
  return first;
}
