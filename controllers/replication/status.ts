import type { KubeObject } from '../../schemas/meta.js';
import { formatTime } from '../../server/clock.js';
import { matchesLabels, type LabelRequirement } from '../../server/registry/selectors/label-selector.js';
import { isPodAvailable, isPodReady, type PodObject } from '../runtime/pod-state.js';

export const REPLICA_FAILURE = 'ReplicaFailure';

export interface ReplicaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

/** The status of an RC or an RS: the fields are the same in both APIs. */
export interface ReplicaStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
  [field: string]: unknown;
}

export interface StatusInput {
  /** The status as last read (kept fields and conditions carry over). */
  current: ReplicaStatus | undefined;
  replicas: number;
  minReadySeconds: number;
  templateLabels: Record<string, string> | undefined;
  /** The active pods the controller owns after claiming. */
  pods: PodObject[];
  /** What manageReplicas failed with, if it did. */
  manageError: Error | undefined;
  now: number;
}

const COUNTS = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const;
const FIELD_ORDER = [...COUNTS, 'observedGeneration', 'conditions'] as const;

/**
 * The status in the API's field order, without the fields Go's omitempty drops: `replicas` is always written,
 * zero counts, a zero observedGeneration and empty conditions are not.
 */
function wireStatus(status: ReplicaStatus): ReplicaStatus {
  const out: Record<string, unknown> = { replicas: status.replicas ?? 0 };
  for (const field of FIELD_ORDER.slice(1)) {
    const value = status[field];
    if (Array.isArray(value) ? value.length > 0 : value) out[field] = value;
  }
  for (const [field, value] of Object.entries(status)) {
    if (!(FIELD_ORDER as readonly string[]).includes(field)) out[field] = value;
  }
  return out as ReplicaStatus;
}

/** A template label set as a selector (labels.Set.AsSelectorPreValidated): every template label must be present. */
function templateSelector(labels: Record<string, string> | undefined): LabelRequirement[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, operator: 'Equals', values: [value] }));
}

/**
 * calculateStatus: counts over the owned active pods, plus the ReplicaFailure condition — added (reason FailedCreate
 * when short of pods, FailedDelete when over, the error text as message) when manageReplicas failed and the
 * condition is not there yet, removed after a sync without error. observedGeneration is set when it is written.
 */
export function calculateStatus(input: StatusInput): ReplicaStatus {
  const current: ReplicaStatus = structuredClone(input.current ?? {});
  const labelled = templateSelector(input.templateLabels);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of input.pods) {
    if (matchesLabels(labelled, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, input.minReadySeconds, input.now)) available++;
    }
  }
  let conditions = current.conditions ?? [];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (input.manageError && !failure) {
    const diff = input.pods.length - input.replicas;
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = [
      ...conditions,
      { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: formatTime(input.now), reason, message: input.manageError.message },
    ];
  } else if (!input.manageError && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  return wireStatus({
    ...current,
    replicas: input.pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    conditions,
  });
}

/**
 * updateReplicaSetStatus's shortcut: nothing to write when every count and the conditions are unchanged and the
 * current generation has already been observed.
 */
export function statusUpToDate(owner: KubeObject, next: ReplicaStatus): boolean {
  const current = (owner.status ?? {}) as ReplicaStatus;
  return (
    COUNTS.every((field) => (current[field] ?? 0) === (next[field] ?? 0)) &&
    (owner.metadata.generation ?? 0) === (current.observedGeneration ?? 0) &&
    JSON.stringify(current.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}

/** The status as written: observedGeneration is the generation this sync acted on (omitted when 0). */
export function withObservedGeneration(status: ReplicaStatus, generation: number | undefined): ReplicaStatus {
  return wireStatus({ ...status, observedGeneration: generation });
}
