import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, MergeList, Strict, Time, TopLevel } from '../meta.js';
import { PodTemplateSpec } from '../core/pod.js';

/** apps/v1 Deployment (v1.32). Go decodes absent fields to their zero values, so nothing below is required on input. */

const Str = (description: string) => Type.Optional(Type.String({ description }));
const Int = (description: string) => Type.Optional(Type.Integer({ description }));
const IntOrPercent = (description: string) => Type.Optional(Type.Union([Type.Integer(), Type.String()], { description }));
const NullableTime = (description: string) => Type.Optional(Type.Union([Time, Type.Null()], { description }));

export const RollingUpdateDeployment = Strict({
  maxUnavailable: IntOrPercent('Pods that may be unavailable during a rollout, as a count or a percentage (default 25%).'),
  maxSurge: IntOrPercent('Pods that may run above the desired count during a rollout, as a count or a percentage (default 25%).'),
});
export type RollingUpdateDeployment = Static<typeof RollingUpdateDeployment>;

export const DeploymentStrategy = Strict(
  {
    type: Str('"RollingUpdate" (the default) or "Recreate".'),
    rollingUpdate: Type.Optional(RollingUpdateDeployment),
  },
  { 'x-kubernetes-patch-strategy': 'retainKeys', description: 'How old pods are replaced by new ones.' },
);
export type DeploymentStrategy = Static<typeof DeploymentStrategy>;

export const DeploymentSpec = Strict({
  replicas: Int('Desired number of pods (default 1).'),
  selector: Type.Optional(LabelSelector),
  template: Type.Optional(PodTemplateSpec),
  strategy: Type.Optional(DeploymentStrategy),
  minReadySeconds: Int('Seconds a new pod must be ready before it counts as available (default 0).'),
  revisionHistoryLimit: Int('Old ReplicaSets kept for rollback (default 10).'),
  paused: Type.Optional(Type.Boolean({ description: 'Stops the controller from rolling out template changes.' })),
  progressDeadlineSeconds: Int('Seconds without progress before the rollout is reported as failed (default 600).'),
});
export type DeploymentSpec = Static<typeof DeploymentSpec>;

export const DeploymentCondition = Strict({
  type: Str('Available, Progressing or ReplicaFailure.'),
  status: Str('True, False or Unknown.'),
  lastUpdateTime: NullableTime('When the condition was last updated.'),
  lastTransitionTime: NullableTime('When the status last changed.'),
  reason: Str('Machine-readable cause of the last transition.'),
  message: Str('Human-readable details of the last transition.'),
});

export const DeploymentStatus = Strict({
  observedGeneration: Int('The generation the controller last acted on.'),
  replicas: Int('Non-terminating pods selected by the deployment.'),
  updatedReplicas: Int('Of those, the pods running the current template.'),
  readyReplicas: Int('Of those, the pods that are ready.'),
  availableReplicas: Int('Of those, the pods ready for at least minReadySeconds.'),
  unavailableReplicas: Int('Pods still missing for the deployment to be fully available.'),
  conditions: Type.Optional(MergeList(DeploymentCondition, 'type')),
  collisionCount: Int('Hash collisions met while naming ReplicaSets.'),
});
export type DeploymentStatus = Static<typeof DeploymentStatus>;

export const Deployment = TopLevel({
  spec: Type.Optional(DeploymentSpec),
  status: Type.Optional(DeploymentStatus),
});
