import type { ProtoPackage } from './types.js';

/**
 * k8s.io.api.core.v1: PersistentVolumeClaim and the claim template that ephemeral volumes and StatefulSet
 * `volumeClaimTemplates` embed. PersistentVolume itself is not served and not listed.
 */
export const coreV1Claim: ProtoPackage = {
  package: 'k8s.io.api.core.v1',
  alias: 'core',
  apiVersion: 'v1',
  messages: {
    PersistentVolumeClaim: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 PersistentVolumeClaimSpec',
      status: '3 PersistentVolumeClaimStatus',
    },
    PersistentVolumeClaimTemplate: { metadata: '1 meta.ObjectMeta', spec: '2 PersistentVolumeClaimSpec' },
    PersistentVolumeClaimSpec: {
      accessModes: '1 string[]',
      resources: '2 VolumeResourceRequirements',
      volumeName: '3 string',
      selector: '4 meta.LabelSelector?',
      storageClassName: '5 string?',
      volumeMode: '6 string?',
      dataSource: '7 TypedLocalObjectReference?',
      dataSourceRef: '8 TypedObjectReference?',
      volumeAttributesClassName: '9 string?',
    },
    // Field 6 was resizeStatus, retired upstream; its number stays unused.
    PersistentVolumeClaimStatus: {
      phase: '1 string',
      accessModes: '2 string[]',
      capacity: '3 map<string,resource.Quantity>',
      conditions: '4 PersistentVolumeClaimCondition[]',
      allocatedResources: '5 map<string,resource.Quantity>',
      allocatedResourceStatuses: '7 map<string,string>',
      currentVolumeAttributesClassName: '8 string?',
      modifyVolumeStatus: '9 ModifyVolumeStatus?',
    },
    PersistentVolumeClaimCondition: {
      type: '1 string',
      status: '2 string',
      lastProbeTime: '3 meta.Time',
      lastTransitionTime: '4 meta.Time',
      reason: '5 string',
      message: '6 string',
    },
    ModifyVolumeStatus: { targetVolumeAttributesClassName: '1 string', status: '2 string' },
    VolumeResourceRequirements: {
      limits: '1 map<string,resource.Quantity>',
      requests: '2 map<string,resource.Quantity>',
    },
    TypedLocalObjectReference: { apiGroup: '1 string?', kind: '2 string', name: '3 string' },
    TypedObjectReference: { apiGroup: '1 string?', kind: '2 string', name: '3 string', namespace: '4 string?' },
  },
};
