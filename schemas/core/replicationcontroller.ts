import { Type, type Static } from '@sinclair/typebox';
import { MapKey, MergeList, Strict, Time, TopLevel } from '../meta.js';
import { PodTemplateSpec } from './pod.js';

/** core/v1 ReplicationController. Go decodes absent fields to their zero values, so nothing below is required. */

export const ReplicationControllerSpec = Strict({
  replicas: Type.Optional(Type.Integer()),
  minReadySeconds: Type.Optional(Type.Integer()),
  selector: Type.Optional(Type.Record(MapKey, Type.String(), { 'x-kubernetes-map-type': 'atomic' })),
  template: Type.Optional(PodTemplateSpec),
});
export type ReplicationControllerSpec = Static<typeof ReplicationControllerSpec>;

export const ReplicationControllerCondition = Strict({
  type: Type.String(),
  status: Type.String(),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()])),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

export const ReplicationControllerStatus = Strict({
  replicas: Type.Optional(Type.Integer()),
  fullyLabeledReplicas: Type.Optional(Type.Integer()),
  readyReplicas: Type.Optional(Type.Integer()),
  availableReplicas: Type.Optional(Type.Integer()),
  observedGeneration: Type.Optional(Type.Integer()),
  conditions: Type.Optional(MergeList(ReplicationControllerCondition, 'type')),
});
export type ReplicationControllerStatus = Static<typeof ReplicationControllerStatus>;

export const ReplicationController = TopLevel({
  spec: Type.Optional(ReplicationControllerSpec),
  status: Type.Optional(ReplicationControllerStatus),
});
