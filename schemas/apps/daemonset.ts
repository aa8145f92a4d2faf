import { Type, type Static } from '@sinclair/typebox';
import { IntOrString, LabelSelector, MergeList, Strict, Time, TopLevel } from '../meta.js';
import { PodTemplateSpec } from '../core/pod.js';

/** apps/v1 DaemonSet. Go decodes absent fields to their zero values, so nothing below is required on input. */

export const RollingUpdateDaemonSet = Strict({
  maxUnavailable: Type.Optional(IntOrString),
  maxSurge: Type.Optional(IntOrString),
});

export const DaemonSetUpdateStrategy = Strict({
  type: Type.Optional(Type.String()),
  rollingUpdate: Type.Optional(RollingUpdateDaemonSet),
});

export const DaemonSetSpec = Strict({
  selector: Type.Optional(LabelSelector),
  template: Type.Optional(PodTemplateSpec),
  updateStrategy: Type.Optional(DaemonSetUpdateStrategy),
  minReadySeconds: Type.Optional(Type.Integer()),
  revisionHistoryLimit: Type.Optional(Type.Integer()),
});
export type DaemonSetSpec = Static<typeof DaemonSetSpec>;

export const DaemonSetCondition = Strict({
  type: Type.String(),
  status: Type.String(),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()])),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

export const DaemonSetStatus = Strict({
  currentNumberScheduled: Type.Optional(Type.Integer()),
  numberMisscheduled: Type.Optional(Type.Integer()),
  desiredNumberScheduled: Type.Optional(Type.Integer()),
  numberReady: Type.Optional(Type.Integer()),
  observedGeneration: Type.Optional(Type.Integer()),
  updatedNumberScheduled: Type.Optional(Type.Integer()),
  numberAvailable: Type.Optional(Type.Integer()),
  numberUnavailable: Type.Optional(Type.Integer()),
  collisionCount: Type.Optional(Type.Integer()),
  conditions: Type.Optional(MergeList(DaemonSetCondition, 'type')),
});
export type DaemonSetStatus = Static<typeof DaemonSetStatus>;

export const DaemonSet = TopLevel({
  spec: Type.Optional(DaemonSetSpec),
  status: Type.Optional(DaemonSetStatus),
});
