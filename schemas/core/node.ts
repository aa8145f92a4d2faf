import { Type, type Static } from '@sinclair/typebox';
import { MergeList, ResourceList, Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';
import { NullableTime } from './pod-status.js';

const Str = () => Type.Optional(Type.String());

export const Taint = Strict({
  key: Str(),
  value: Str(),
  effect: Str(),
  timeAdded: Type.Optional(NullableTime),
});
export type Taint = Static<typeof Taint>;

export const NodeSpec = Strict({
  podCIDR: Str(),
  podCIDRs: Type.Optional(
    Type.Array(Type.String(), { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' }),
  ),
  providerID: Str(),
  unschedulable: Type.Optional(Type.Boolean()),
  taints: Type.Optional(AtomicList(Taint)),
  configSource: Type.Optional(Type.Object({})),
  externalID: Str(),
});
export type NodeSpec = Static<typeof NodeSpec>;

export const NodeCondition = Type.Object({
  type: Str(),
  status: Str(),
  lastHeartbeatTime: Type.Optional(NullableTime),
  lastTransitionTime: Type.Optional(NullableTime),
  reason: Str(),
  message: Str(),
});
export type NodeCondition = Static<typeof NodeCondition>;

export const NodeAddress = Strict({ type: Str(), address: Str() });
export type NodeAddress = Static<typeof NodeAddress>;

export const NodeSystemInfo = Type.Object({
  machineID: Str(),
  systemUUID: Str(),
  bootID: Str(),
  kernelVersion: Str(),
  osImage: Str(),
  containerRuntimeVersion: Str(),
  kubeletVersion: Str(),
  kubeProxyVersion: Str(),
  operatingSystem: Str(),
  architecture: Str(),
});
export type NodeSystemInfo = Static<typeof NodeSystemInfo>;

export const NodeStatus = Type.Object({
  capacity: Type.Optional(ResourceList),
  allocatable: Type.Optional(ResourceList),
  phase: Str(),
  conditions: Type.Optional(MergeList(NodeCondition, 'type')),
  addresses: Type.Optional(MergeList(NodeAddress, 'type')),
  daemonEndpoints: Type.Optional(
    Type.Object({ kubeletEndpoint: Type.Optional(Type.Object({ Port: Type.Optional(Type.Integer()) })) }),
  ),
  nodeInfo: Type.Optional(NodeSystemInfo),
  images: Type.Optional(
    AtomicList(Type.Object({ names: Type.Optional(AtomicList(Type.String())), sizeBytes: Type.Optional(Type.Integer()) })),
  ),
  volumesInUse: Type.Optional(AtomicList(Type.String())),
  volumesAttached: Type.Optional(AtomicList(Type.Object({ name: Str(), devicePath: Str() }))),
  config: Type.Optional(Type.Object({})),
  runtimeHandlers: Type.Optional(AtomicList(Type.Object({ name: Str() }))),
  features: Type.Optional(Type.Object({})),
});
export type NodeStatus = Static<typeof NodeStatus>;

export const Node = TopLevel({
  spec: Type.Optional(NodeSpec),
  status: Type.Optional(NodeStatus),
});
export type Node = Static<typeof Node>;
