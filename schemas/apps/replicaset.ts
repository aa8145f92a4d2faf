import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, MergeList, Strict, Time, TopLevel } from '../meta.js';
import { PodTemplateSpec } from '../core/pod.js';

/** apps/v1 ReplicaSet (v1.32). Go decodes absent fields to their zero values, so nothing below is required on input. */

const Str = (description: string) => Type.Optional(Type.String({ description }));
const Int = (description: string) => Type.Optional(Type.Integer({ description }));

export const ReplicaSetSpec = Strict({
  replicas: Int('Desired number of pods (default 1).'),
  minReadySeconds: Int('Seconds a new pod must be ready before it counts as available (default 0).'),
  selector: Type.Optional(LabelSelector),
  template: Type.Optional(PodTemplateSpec),
});
export type ReplicaSetSpec = Static<typeof ReplicaSetSpec>;

export const ReplicaSetCondition = Strict({
  type: Str('Type of the condition, e.g. ReplicaFailure.'),
  status: Str('True, False or Unknown.'),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()], { description: 'When the status last changed.' })),
  reason: Str('Machine-readable cause of the last transition.'),
  message: Str('Human-readable details of the last transition.'),
});

export const ReplicaSetStatus = Strict({
  replicas: Int('Pods the ReplicaSet currently has.'),
  fullyLabeledReplicas: Int('Of those, the pods whose labels match the template labels.'),
  readyReplicas: Int('Of those, the pods that are ready.'),
  availableReplicas: Int('Of those, the pods ready for at least minReadySeconds.'),
  observedGeneration: Int('The generation the controller last acted on.'),
  conditions: Type.Optional(MergeList(ReplicaSetCondition, 'type')),
});
export type ReplicaSetStatus = Static<typeof ReplicaSetStatus>;

export const ReplicaSet = TopLevel({
  spec: Type.Optional(ReplicaSetSpec),
  status: Type.Optional(ReplicaSetStatus),
});
