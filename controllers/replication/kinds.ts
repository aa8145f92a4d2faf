import type { PodTemplateSpec } from '../../schemas/core/pod.js';
import type { ReplicationControllerObject } from '../../server/registry/strategies/replicationcontroller.js';
import type { KubeObject, LabelSelector } from '../../schemas/meta.js';
import { ApiError, badRequest } from '../../server/errors.js';
import { labelSelectorFromObject, type LabelRequirement, type MatchesNothing } from '../../server/registry/selectors/label-selector.js';

export type ReplicaKindName = 'ReplicationController' | 'ReplicaSet';

/**
 * How the one replica-set sync reads each kind. Upstream runs ReplicationControllers through the ReplicaSet code by
 * converting them (the map selector becomes `matchLabels`); these readers are that conversion.
 */
export interface ReplicaKind {
  kind: ReplicaKindName;
  group: string;
  resource: string;
  /** The event source: kube-controller-manager names the two recorders differently. */
  component: string;
  /** The work queue's name upstream. */
  queueName: string;
  /**
   * Whether pods of sibling ReplicaSets (same controller owner) count toward the doubled-up rank. Upstream finds the
   * siblings through an index that only recognises ReplicaSets, so for ReplicationControllers the rank is always 0.
   */
  ranksWithSiblings: boolean;
  replicas(obj: KubeObject): number;
  minReadySeconds(obj: KubeObject): number;
  /** metav1.LabelSelectorAsSelector of the (converted) selector; throws a 400 ApiError when it does not parse. */
  selector(obj: KubeObject): LabelRequirement[] | MatchesNothing;
  template(obj: KubeObject): PodTemplateSpec | undefined;
}

interface ReplicaSetSpec {
  replicas?: unknown;
  minReadySeconds?: unknown;
  selector?: unknown;
  template?: PodTemplateSpec;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rsSpec(obj: KubeObject): ReplicaSetSpec {
  return isObject(obj.spec) ? (obj.spec as ReplicaSetSpec) : {};
}

/** Loose storage lets any JSON through; a selector of the wrong shape is as unusable as one that does not parse. */
function labelSelectorOf(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  const ok = isObject(value) &&
    (value.matchLabels === undefined || isObject(value.matchLabels)) &&
    (value.matchExpressions === undefined || (Array.isArray(value.matchExpressions) && value.matchExpressions.every(isObject)));
  if (!ok) throw badRequest('spec.selector is not a LabelSelector');
  return value as LabelSelector;
}

function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}

export const replicationControllerKind: ReplicaKind = {
  kind: 'ReplicationController',
  group: '',
  resource: 'replicationcontrollers',
  component: 'replication-controller',
  queueName: 'replicationmanager',
  ranksWithSiblings: false,
  replicas: (rc) => (rc as ReplicationControllerObject).spec?.replicas ?? 1,
  minReadySeconds: (rc) => (rc as ReplicationControllerObject).spec?.minReadySeconds ?? 0,
  selector(rc) {
    const selector = (rc as ReplicationControllerObject).spec?.selector;
    return labelSelectorFromObject(selector ? { matchLabels: selector } : undefined);
  },
  template: (rc) => (rc as ReplicationControllerObject).spec?.template,
};

/** apps/v1 ReplicaSets are stored with a loose schema: every field is read defensively, defaulted as apps/v1 does. */
export const replicaSetKind: ReplicaKind = {
  kind: 'ReplicaSet',
  group: 'apps',
  resource: 'replicasets',
  component: 'replicaset-controller',
  queueName: 'replicaset',
  ranksWithSiblings: true,
  replicas: (rs) => integerOr(rsSpec(rs).replicas, 1),
  minReadySeconds: (rs) => integerOr(rsSpec(rs).minReadySeconds, 0),
  selector: (rs) => labelSelectorFromObject(labelSelectorOf(rsSpec(rs).selector)),
  template: (rs) => (isObject(rsSpec(rs).template) ? rsSpec(rs).template : undefined),
};

export const REPLICA_KINDS: Record<ReplicaKindName, ReplicaKind> = {
  ReplicationController: replicationControllerKind,
  ReplicaSet: replicaSetKind,
};

/** The selector, or undefined when it does not parse (upstream skips such an object). */
export function trySelector(kind: ReplicaKind, obj: KubeObject): LabelRequirement[] | MatchesNothing | undefined {
  try {
    return kind.selector(obj);
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}
