import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { IntOrString, MergeList, Quantity, ResourceList, Strict } from '../meta.js';

/** A list replaced as a whole by strategic merge patch (upstream `+listType=atomic`). */
export function AtomicList<T extends TSchema>(item: T) {
  return Type.Array(item, { 'x-kubernetes-list-type': 'atomic' });
}

const Str = () => Type.Optional(Type.String());
const Int = () => Type.Optional(Type.Integer());
const Bool = () => Type.Optional(Type.Boolean());

export const ObjectFieldSelector = Strict({ apiVersion: Str(), fieldPath: Str() });
export const ResourceFieldSelector = Strict({ containerName: Str(), resource: Str(), divisor: Type.Optional(Quantity) });
export const KeySelector = Strict({ name: Str(), key: Str(), optional: Bool() });

export const EnvVarSource = Strict({
  fieldRef: Type.Optional(ObjectFieldSelector),
  resourceFieldRef: Type.Optional(ResourceFieldSelector),
  configMapKeyRef: Type.Optional(KeySelector),
  secretKeyRef: Type.Optional(KeySelector),
});

export const EnvVar = Strict({ name: Str(), value: Str(), valueFrom: Type.Optional(EnvVarSource) });
export type EnvVar = Static<typeof EnvVar>;

const EnvSourceRef = Strict({ name: Str(), optional: Bool() });
export const EnvFromSource = Strict({
  prefix: Str(),
  configMapRef: Type.Optional(EnvSourceRef),
  secretRef: Type.Optional(EnvSourceRef),
});
export type EnvFromSource = Static<typeof EnvFromSource>;

export const ContainerPort = Strict({
  name: Str(),
  hostPort: Int(),
  containerPort: Int(),
  protocol: Str(),
  hostIP: Str(),
});
export type ContainerPort = Static<typeof ContainerPort>;

export const VolumeMount = Strict({
  name: Str(),
  readOnly: Bool(),
  recursiveReadOnly: Str(),
  mountPath: Str(),
  subPath: Str(),
  mountPropagation: Str(),
  subPathExpr: Str(),
});
export type VolumeMount = Static<typeof VolumeMount>;

export const VolumeDevice = Strict({ name: Str(), devicePath: Str() });

export const ResourceRequirements = Strict({
  limits: Type.Optional(ResourceList),
  requests: Type.Optional(ResourceList),
  claims: Type.Optional(MergeList(Strict({ name: Str(), request: Str() }), 'name')),
});
export type ResourceRequirements = Static<typeof ResourceRequirements>;

export const HTTPGetAction = Strict({
  path: Str(),
  port: Type.Optional(IntOrString),
  host: Str(),
  scheme: Str(),
  httpHeaders: Type.Optional(AtomicList(Strict({ name: Str(), value: Str() }))),
});
export type HTTPGetAction = Static<typeof HTTPGetAction>;

const ExecAction = Strict({ command: Type.Optional(AtomicList(Type.String())) });
const TCPSocketAction = Strict({ port: Type.Optional(IntOrString), host: Str() });

export const Probe = Strict({
  exec: Type.Optional(ExecAction),
  httpGet: Type.Optional(HTTPGetAction),
  tcpSocket: Type.Optional(TCPSocketAction),
  grpc: Type.Optional(Strict({ port: Int(), service: Str() })),
  initialDelaySeconds: Int(),
  timeoutSeconds: Int(),
  periodSeconds: Int(),
  successThreshold: Int(),
  failureThreshold: Int(),
  terminationGracePeriodSeconds: Int(),
});
export type Probe = Static<typeof Probe>;

export const LifecycleHandler = Strict({
  exec: Type.Optional(ExecAction),
  httpGet: Type.Optional(HTTPGetAction),
  tcpSocket: Type.Optional(TCPSocketAction),
  sleep: Type.Optional(Strict({ seconds: Int() })),
});
export type LifecycleHandler = Static<typeof LifecycleHandler>;

export const Lifecycle = Strict({
  postStart: Type.Optional(LifecycleHandler),
  preStop: Type.Optional(LifecycleHandler),
});
export type Lifecycle = Static<typeof Lifecycle>;

export const SeLinuxOptions = Strict({ user: Str(), role: Str(), type: Str(), level: Str() });
export const WindowsSecurityContextOptions = Strict({
  gmsaCredentialSpecName: Str(),
  gmsaCredentialSpec: Str(),
  runAsUserName: Str(),
  hostProcess: Bool(),
});
export const ProfileRef = Strict({ type: Str(), localhostProfile: Str() });

export const SecurityContext = Strict({
  capabilities: Type.Optional(
    Strict({ add: Type.Optional(AtomicList(Type.String())), drop: Type.Optional(AtomicList(Type.String())) }),
  ),
  privileged: Bool(),
  seLinuxOptions: Type.Optional(SeLinuxOptions),
  windowsOptions: Type.Optional(WindowsSecurityContextOptions),
  runAsUser: Int(),
  runAsGroup: Int(),
  runAsNonRoot: Bool(),
  readOnlyRootFilesystem: Bool(),
  allowPrivilegeEscalation: Bool(),
  procMount: Str(),
  seccompProfile: Type.Optional(ProfileRef),
  appArmorProfile: Type.Optional(ProfileRef),
});

/** The fields every container kind shares (regular, init and ephemeral containers). */
const containerFields = {
  name: Str(),
  image: Str(),
  command: Type.Optional(AtomicList(Type.String())),
  args: Type.Optional(AtomicList(Type.String())),
  workingDir: Str(),
  ports: Type.Optional(
    Type.Array(ContainerPort, {
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'containerPort',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
    }),
  ),
  envFrom: Type.Optional(AtomicList(EnvFromSource)),
  env: Type.Optional(MergeList(EnvVar, 'name')),
  resources: Type.Optional(ResourceRequirements),
  resizePolicy: Type.Optional(AtomicList(Strict({ resourceName: Str(), restartPolicy: Str() }))),
  restartPolicy: Str(),
  volumeMounts: Type.Optional(MergeList(VolumeMount, 'mountPath')),
  volumeDevices: Type.Optional(MergeList(VolumeDevice, 'devicePath')),
  livenessProbe: Type.Optional(Probe),
  readinessProbe: Type.Optional(Probe),
  startupProbe: Type.Optional(Probe),
  lifecycle: Type.Optional(Lifecycle),
  terminationMessagePath: Str(),
  terminationMessagePolicy: Str(),
  imagePullPolicy: Str(),
  securityContext: Type.Optional(SecurityContext),
  stdin: Bool(),
  stdinOnce: Bool(),
  tty: Bool(),
};

export const Container = Strict(containerFields);
export type Container = Static<typeof Container>;

export const EphemeralContainer = Strict({ ...containerFields, targetContainerName: Str() });
export type EphemeralContainer = Static<typeof EphemeralContainer>;
