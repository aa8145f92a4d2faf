import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, MapKey, MergeList, ResourceList, Strict, Time, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';

/**
 * core/v1 PersistentVolumeClaim (v1.32), as StatefulSet `volumeClaimTemplates` embed it. The kind itself is not
 * served; the templates carry the whole object, apiVersion and kind included.
 */

const Str = (description?: string) => Type.Optional(Type.String(description === undefined ? {} : { description }));

export const TypedLocalObjectReference = Strict({ apiGroup: Str(), kind: Str(), name: Str() });
export const TypedObjectReference = Strict({ apiGroup: Str(), kind: Str(), name: Str(), namespace: Str() });

export const VolumeResourceRequirements = Strict({
  limits: Type.Optional(ResourceList),
  requests: Type.Optional(ResourceList),
});

export const PersistentVolumeClaimSpec = Strict({
  accessModes: Type.Optional(AtomicList(Type.String())),
  selector: Type.Optional(LabelSelector),
  resources: Type.Optional(VolumeResourceRequirements),
  volumeName: Str('The PersistentVolume bound to this claim.'),
  storageClassName: Str('The StorageClass the claim asks for.'),
  volumeMode: Str('Filesystem (the default) or Block.'),
  dataSource: Type.Optional(TypedLocalObjectReference),
  dataSourceRef: Type.Optional(TypedObjectReference),
  volumeAttributesClassName: Str('The VolumeAttributesClass the claim asks for.'),
});
export type PersistentVolumeClaimSpec = Static<typeof PersistentVolumeClaimSpec>;

export const PersistentVolumeClaimCondition = Strict({
  type: Str(),
  status: Str(),
  lastProbeTime: Type.Optional(Type.Union([Time, Type.Null()])),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()])),
  reason: Str(),
  message: Str(),
});

export const ModifyVolumeStatus = Strict({ targetVolumeAttributesClassName: Str(), status: Str() });

export const PersistentVolumeClaimStatus = Strict({
  phase: Str('Pending, Bound or Lost.'),
  accessModes: Type.Optional(AtomicList(Type.String())),
  capacity: Type.Optional(ResourceList),
  conditions: Type.Optional(MergeList(PersistentVolumeClaimCondition, 'type')),
  allocatedResources: Type.Optional(ResourceList),
  allocatedResourceStatuses: Type.Optional(Type.Record(MapKey, Type.String(), { 'x-kubernetes-map-type': 'granular' })),
  currentVolumeAttributesClassName: Str(),
  modifyVolumeStatus: Type.Optional(ModifyVolumeStatus),
});

export const PersistentVolumeClaim = TopLevel({
  spec: Type.Optional(PersistentVolumeClaimSpec),
  status: Type.Optional(PersistentVolumeClaimStatus),
});
export type PersistentVolumeClaim = Static<typeof PersistentVolumeClaim>;
