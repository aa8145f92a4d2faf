import { Type, type Static } from '@sinclair/typebox';
import { MergeList, ObjectMeta, ResourceList, Strict, StringMap } from '../meta.js';
import { Affinity, Toleration } from './affinity.js';
import {
  AtomicList,
  Container,
  EphemeralContainer,
  ProfileRef,
  ResourceRequirements,
  SeLinuxOptions,
  WindowsSecurityContextOptions,
} from './container.js';
import { Volume } from './volume.js';

const Str = () => Type.Optional(Type.String());
const Int = () => Type.Optional(Type.Integer());
const Bool = () => Type.Optional(Type.Boolean());

/** Kept open: several of its fields are alpha in v1.32 and change between releases. */
export const PodSecurityContext = Type.Object({
  seLinuxOptions: Type.Optional(SeLinuxOptions),
  windowsOptions: Type.Optional(WindowsSecurityContextOptions),
  runAsUser: Int(),
  runAsGroup: Int(),
  runAsNonRoot: Bool(),
  supplementalGroups: Type.Optional(AtomicList(Type.Integer())),
  supplementalGroupsPolicy: Str(),
  fsGroup: Int(),
  sysctls: Type.Optional(AtomicList(Strict({ name: Str(), value: Str() }))),
  fsGroupChangePolicy: Str(),
  seccompProfile: Type.Optional(ProfileRef),
  appArmorProfile: Type.Optional(ProfileRef),
  seLinuxChangePolicy: Str(),
});
export type PodSecurityContext = Static<typeof PodSecurityContext>;

export const PodDNSConfig = Strict({
  nameservers: Type.Optional(AtomicList(Type.String())),
  searches: Type.Optional(AtomicList(Type.String())),
  options: Type.Optional(AtomicList(Strict({ name: Str(), value: Str() }))),
});

export const HostAlias = Strict({ ip: Str(), hostnames: Type.Optional(AtomicList(Type.String())) });

/** Stored as sent: the scheduler simulation does not evaluate spread constraints. */
export const TopologySpreadConstraint = Type.Object({
  maxSkew: Int(),
  topologyKey: Str(),
  whenUnsatisfiable: Str(),
});

const mapList = (keys: string[], strategy = 'merge') => ({
  'x-kubernetes-patch-strategy': strategy,
  'x-kubernetes-patch-merge-key': keys[0],
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
});

export const PodSpec = Strict({
  volumes: Type.Optional(Type.Array(Volume, mapList(['name'], 'merge,retainKeys'))),
  initContainers: Type.Optional(MergeList(Container, 'name')),
  containers: Type.Optional(MergeList(Container, 'name')),
  ephemeralContainers: Type.Optional(MergeList(EphemeralContainer, 'name')),
  restartPolicy: Str(),
  terminationGracePeriodSeconds: Int(),
  activeDeadlineSeconds: Int(),
  dnsPolicy: Str(),
  nodeSelector: Type.Optional(StringMap),
  serviceAccountName: Str(),
  serviceAccount: Str(),
  automountServiceAccountToken: Bool(),
  nodeName: Str(),
  hostNetwork: Bool(),
  hostPID: Bool(),
  hostIPC: Bool(),
  shareProcessNamespace: Bool(),
  securityContext: Type.Optional(PodSecurityContext),
  imagePullSecrets: Type.Optional(MergeList(Strict({ name: Str() }), 'name')),
  hostname: Str(),
  subdomain: Str(),
  affinity: Type.Optional(Affinity),
  schedulerName: Str(),
  tolerations: Type.Optional(AtomicList(Toleration)),
  hostAliases: Type.Optional(MergeList(HostAlias, 'ip')),
  priorityClassName: Str(),
  priority: Int(),
  dnsConfig: Type.Optional(PodDNSConfig),
  readinessGates: Type.Optional(AtomicList(Strict({ conditionType: Str() }))),
  runtimeClassName: Str(),
  enableServiceLinks: Bool(),
  preemptionPolicy: Str(),
  overhead: Type.Optional(ResourceList),
  topologySpreadConstraints: Type.Optional(
    Type.Array(TopologySpreadConstraint, mapList(['topologyKey', 'whenUnsatisfiable'])),
  ),
  setHostnameAsFQDN: Bool(),
  os: Type.Optional(Strict({ name: Str() })),
  hostUsers: Bool(),
  schedulingGates: Type.Optional(MergeList(Strict({ name: Str() }), 'name')),
  resourceClaims: Type.Optional(Type.Array(Type.Object({ name: Str() }), mapList(['name'], 'merge,retainKeys'))),
  resources: Type.Optional(ResourceRequirements),
});
export type PodSpec = Static<typeof PodSpec>;

export const PodTemplateSpec = Strict({
  metadata: Type.Optional(ObjectMeta),
  spec: Type.Optional(PodSpec),
});
export type PodTemplateSpec = Static<typeof PodTemplateSpec>;
