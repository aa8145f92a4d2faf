import { Type, type Static } from '@sinclair/typebox';
import { MergeList, ResourceList, Time } from '../meta.js';
import { AtomicList, ResourceRequirements } from './container.js';

const Str = () => Type.Optional(Type.String());
const Int = () => Type.Optional(Type.Integer());
const Bool = () => Type.Optional(Type.Boolean());

/** metav1.Time fields that upstream writes as `null` when unset. */
export const NullableTime = Type.Union([Time, Type.Null()]);

export const PodCondition = Type.Object({
  type: Str(),
  status: Str(),
  lastProbeTime: Type.Optional(NullableTime),
  lastTransitionTime: Type.Optional(NullableTime),
  reason: Str(),
  message: Str(),
});
export type PodCondition = Static<typeof PodCondition>;

export const ContainerState = Type.Object({
  waiting: Type.Optional(Type.Object({ reason: Str(), message: Str() })),
  running: Type.Optional(Type.Object({ startedAt: Type.Optional(NullableTime) })),
  terminated: Type.Optional(
    Type.Object({
      exitCode: Int(),
      signal: Int(),
      reason: Str(),
      message: Str(),
      startedAt: Type.Optional(NullableTime),
      finishedAt: Type.Optional(NullableTime),
      containerID: Str(),
    }),
  ),
});
export type ContainerState = Static<typeof ContainerState>;

/** The kubelet's report; kept open because newer kubelets add fields. */
export const ContainerStatus = Type.Object({
  name: Str(),
  state: Type.Optional(ContainerState),
  lastState: Type.Optional(ContainerState),
  ready: Bool(),
  restartCount: Int(),
  image: Str(),
  imageID: Str(),
  containerID: Str(),
  started: Bool(),
  allocatedResources: Type.Optional(ResourceList),
  resources: Type.Optional(ResourceRequirements),
});
export type ContainerStatus = Static<typeof ContainerStatus>;

export const PodIP = Type.Object({ ip: Str() });

export const PodStatus = Type.Object({
  phase: Str(),
  conditions: Type.Optional(MergeList(PodCondition, 'type')),
  message: Str(),
  reason: Str(),
  nominatedNodeName: Str(),
  hostIP: Str(),
  hostIPs: Type.Optional(MergeList(PodIP, 'ip')),
  podIP: Str(),
  podIPs: Type.Optional(MergeList(PodIP, 'ip')),
  startTime: Type.Optional(NullableTime),
  initContainerStatuses: Type.Optional(AtomicList(ContainerStatus)),
  containerStatuses: Type.Optional(AtomicList(ContainerStatus)),
  qosClass: Str(),
  ephemeralContainerStatuses: Type.Optional(AtomicList(ContainerStatus)),
  resize: Str(),
  resourceClaimStatuses: Type.Optional(MergeList(Type.Object({ name: Str() }), 'name')),
});
export type PodStatus = Static<typeof PodStatus>;
