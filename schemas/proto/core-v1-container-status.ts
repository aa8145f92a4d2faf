import type { ProtoPackage } from './types.js';

/**
 * k8s.io.api.core.v1: the status the kubelet reports for each container of a pod (PodStatus.*ContainerStatuses).
 *
 * VolumeMountStatus embeds VolumeStatus in Go but names it `volumeStatus` in JSON too, so unlike the inlined
 * embeddings of core-v1-container.ts it is an ordinary nested field.
 */
export const coreV1ContainerStatus: ProtoPackage = {
  package: 'k8s.io.api.core.v1',
  alias: 'core',
  apiVersion: 'v1',
  messages: {
    ContainerStatus: {
      name: '1 string',
      state: '2 ContainerState',
      lastState: '3 ContainerState',
      ready: '4 bool?',
      restartCount: '5 int32?',
      image: '6 string',
      imageID: '7 string',
      containerID: '8 string',
      started: '9 bool?',
      allocatedResources: '10 map<string,resource.Quantity>',
      resources: '11 ResourceRequirements?',
      volumeMounts: '12 VolumeMountStatus[]',
      user: '13 ContainerUser?',
      allocatedResourcesStatus: '14 ResourceStatus[]',
      stopSignal: '15 string?',
    },
    ContainerState: {
      waiting: '1 ContainerStateWaiting?',
      running: '2 ContainerStateRunning?',
      terminated: '3 ContainerStateTerminated?',
    },
    ContainerStateWaiting: { reason: '1 string', message: '2 string' },
    ContainerStateRunning: { startedAt: '1 meta.Time' },
    ContainerStateTerminated: {
      exitCode: '1 int32?',
      signal: '2 int32',
      reason: '3 string',
      message: '4 string',
      startedAt: '5 meta.Time',
      finishedAt: '6 meta.Time',
      containerID: '7 string',
    },
    ContainerUser: { linux: '1 LinuxContainerUser?' },
    LinuxContainerUser: { uid: '1 int64?', gid: '2 int64?', supplementalGroups: '3 int64[]' },
    VolumeMountStatus: {
      name: '1 string',
      mountPath: '2 string',
      readOnly: '3 bool',
      recursiveReadOnly: '4 string?',
      volumeStatus: '5 VolumeStatus',
    },
    VolumeStatus: { image: '1 ImageVolumeStatus?' },
    ImageVolumeStatus: { imageRef: '1 string' },
    ResourceStatus: { name: '1 string', resources: '2 ResourceHealth[]' },
    // Numbers 3 to 5 of ResourceHealth are unused upstream; message is 6.
    ResourceHealth: { resourceID: '1 string', health: '2 string', message: '6 string?' },
  },
};
