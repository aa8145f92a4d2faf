import { Type, type Static } from '@sinclair/typebox';
import { Quantity, Strict } from '../meta.js';
import { AtomicList, ObjectFieldSelector, ResourceFieldSelector } from './container.js';

const Str = () => Type.Optional(Type.String());
const Int = () => Type.Optional(Type.Integer());
const Bool = () => Type.Optional(Type.Boolean());
/** In-tree and alpha volume sources this server only stores: kept as sent. */
const Loose = () => Type.Optional(Type.Object({}));

export const KeyToPath = Strict({ key: Str(), path: Str(), mode: Int() });
export type KeyToPath = Static<typeof KeyToPath>;

export const HostPathVolumeSource = Strict({ path: Str(), type: Str() });
export const EmptyDirVolumeSource = Strict({ medium: Str(), sizeLimit: Type.Optional(Quantity) });

export const ConfigMapVolumeSource = Strict({
  name: Str(),
  items: Type.Optional(AtomicList(KeyToPath)),
  defaultMode: Int(),
  optional: Bool(),
});

export const SecretVolumeSource = Strict({
  secretName: Str(),
  items: Type.Optional(AtomicList(KeyToPath)),
  defaultMode: Int(),
  optional: Bool(),
});

export const PersistentVolumeClaimVolumeSource = Strict({ claimName: Str(), readOnly: Bool() });

export const DownwardAPIVolumeFile = Strict({
  path: Str(),
  fieldRef: Type.Optional(ObjectFieldSelector),
  resourceFieldRef: Type.Optional(ResourceFieldSelector),
  mode: Int(),
});
export type DownwardAPIVolumeFile = Static<typeof DownwardAPIVolumeFile>;

export const DownwardAPIVolumeSource = Strict({
  items: Type.Optional(AtomicList(DownwardAPIVolumeFile)),
  defaultMode: Int(),
});

const ProjectedKeySource = Strict({ name: Str(), items: Type.Optional(AtomicList(KeyToPath)), optional: Bool() });

export const VolumeProjection = Strict({
  secret: Type.Optional(ProjectedKeySource),
  configMap: Type.Optional(ProjectedKeySource),
  downwardAPI: Type.Optional(Strict({ items: Type.Optional(AtomicList(DownwardAPIVolumeFile)) })),
  serviceAccountToken: Type.Optional(Strict({ audience: Str(), expirationSeconds: Int(), path: Str() })),
  clusterTrustBundle: Loose(),
});
export type VolumeProjection = Static<typeof VolumeProjection>;

export const ProjectedVolumeSource = Strict({
  sources: Type.Optional(AtomicList(VolumeProjection)),
  defaultMode: Int(),
});

/** Every source upstream's VolumeSource has (v1.32); a volume sets exactly one of them. */
export const volumeSourceFields = {
  hostPath: Type.Optional(HostPathVolumeSource),
  emptyDir: Type.Optional(EmptyDirVolumeSource),
  gcePersistentDisk: Loose(),
  awsElasticBlockStore: Loose(),
  gitRepo: Loose(),
  secret: Type.Optional(SecretVolumeSource),
  nfs: Loose(),
  iscsi: Loose(),
  glusterfs: Loose(),
  persistentVolumeClaim: Type.Optional(PersistentVolumeClaimVolumeSource),
  rbd: Loose(),
  flexVolume: Loose(),
  cinder: Loose(),
  cephfs: Loose(),
  flocker: Loose(),
  downwardAPI: Type.Optional(DownwardAPIVolumeSource),
  fc: Loose(),
  azureFile: Loose(),
  configMap: Type.Optional(ConfigMapVolumeSource),
  vsphereVolume: Loose(),
  quobyte: Loose(),
  azureDisk: Loose(),
  photonPersistentDisk: Loose(),
  projected: Type.Optional(ProjectedVolumeSource),
  portworxVolume: Loose(),
  scaleIO: Loose(),
  storageos: Loose(),
  csi: Loose(),
  ephemeral: Loose(),
  image: Loose(),
};

export type VolumeSourceName = keyof typeof volumeSourceFields;

export const Volume = Strict({ name: Str(), ...volumeSourceFields });
export type Volume = Static<typeof Volume>;
