import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, MergeList, Strict, Time, TopLevel } from '../meta.js';
import { AtomicList } from '../core/container.js';
import { PersistentVolumeClaim } from '../core/persistentvolumeclaim.js';
import { PodTemplateSpec } from '../core/pod.js';

/** apps/v1 StatefulSet (v1.32). Go decodes absent fields to their zero values, so nothing below is required on input. */

const Str = (description: string) => Type.Optional(Type.String({ description }));
const Int = (description: string) => Type.Optional(Type.Integer({ description }));

export const RollingUpdateStatefulSetStrategy = Strict({
  partition: Int('Pods with an ordinal below this keep the old template during a rollout (default 0).'),
  maxUnavailable: Type.Optional(
    Type.Union([Type.Integer(), Type.String()], { description: 'Pods that may be unavailable during a rollout (alpha).' }),
  ),
});
export type RollingUpdateStatefulSetStrategy = Static<typeof RollingUpdateStatefulSetStrategy>;

export const StatefulSetUpdateStrategy = Strict({
  type: Str('"RollingUpdate" (the default) or "OnDelete".'),
  rollingUpdate: Type.Optional(RollingUpdateStatefulSetStrategy),
});
export type StatefulSetUpdateStrategy = Static<typeof StatefulSetUpdateStrategy>;

export const StatefulSetPersistentVolumeClaimRetentionPolicy = Strict({
  whenDeleted: Str('What happens to the claims when the StatefulSet is deleted: Retain (the default) or Delete.'),
  whenScaled: Str('What happens to the claims of pods removed by a scale-down: Retain (the default) or Delete.'),
});

export const StatefulSetOrdinals = Strict({ start: Int('The ordinal of the first replica (default 0).') });

export const StatefulSetSpec = Strict({
  replicas: Int('Desired number of pods (default 1).'),
  selector: Type.Optional(LabelSelector),
  template: Type.Optional(PodTemplateSpec),
  volumeClaimTemplates: Type.Optional(AtomicList(PersistentVolumeClaim)),
  serviceName: Str('The headless Service that gives the pods their network identity.'),
  podManagementPolicy: Str('"OrderedReady" (the default) or "Parallel".'),
  updateStrategy: Type.Optional(StatefulSetUpdateStrategy),
  revisionHistoryLimit: Int('Revisions kept in the history (default 10).'),
  minReadySeconds: Int('Seconds a new pod must be ready before it counts as available (default 0).'),
  persistentVolumeClaimRetentionPolicy: Type.Optional(StatefulSetPersistentVolumeClaimRetentionPolicy),
  ordinals: Type.Optional(StatefulSetOrdinals),
});
export type StatefulSetSpec = Static<typeof StatefulSetSpec>;

export const StatefulSetCondition = Strict({
  type: Str('Type of the condition.'),
  status: Str('True, False or Unknown.'),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()], { description: 'When the status last changed.' })),
  reason: Str('Machine-readable cause of the last transition.'),
  message: Str('Human-readable details of the last transition.'),
});

export const StatefulSetStatus = Strict({
  observedGeneration: Int('The generation the controller last acted on.'),
  replicas: Int('Pods the StatefulSet controller created.'),
  readyReplicas: Int('Of those, the pods that are ready.'),
  currentReplicas: Int('Of those, the pods at currentRevision.'),
  updatedReplicas: Int('Of those, the pods at updateRevision.'),
  currentRevision: Str('The revision of the pods [0, currentReplicas).'),
  updateRevision: Str('The revision of the pods [replicas-updatedReplicas, replicas).'),
  collisionCount: Int('Hash collisions met while naming ControllerRevisions.'),
  conditions: Type.Optional(MergeList(StatefulSetCondition, 'type')),
  availableReplicas: Int('Of those, the pods ready for at least minReadySeconds.'),
});
export type StatefulSetStatus = Static<typeof StatefulSetStatus>;

export const StatefulSet = TopLevel({
  spec: Type.Optional(StatefulSetSpec),
  status: Type.Optional(StatefulSetStatus),
});
