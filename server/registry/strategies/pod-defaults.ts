import type {
  Container,
  DownwardAPIVolumeFile,
  EnvVar,
  HTTPGetAction,
  LifecycleHandler,
  PodSpec,
  PodTemplateSpec,
  Probe,
  Volume,
} from '../../../schemas/core/pod.js';
import { volumeSourceFields, type VolumeSourceName } from '../../../schemas/core/volume.js';
import { imageTag } from './image-reference.js';

/**
 * Upstream's defaulting for everything that embeds a PodSpec (pkg/apis/core/v1/defaults.go, the declarative
 * `+default` tags and the v1 conversion quirks). Pod-only defaults live in setPodOnlyDefaults: upstream keeps them
 * out of templates so that adding one never changes a workload's template hash.
 */

/** 0644: upstream's default file mode for configMap, secret, downwardAPI and projected volumes. */
const DEFAULT_FILE_MODE = 420;
const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;
const VOLUME_SOURCES = Object.keys(volumeSourceFields) as VolumeSourceName[];

export function setPodSpecDefaults(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // v1's serviceAccount is a read-only alias: it fills serviceAccountName when that is empty, and is always
  // written back as a copy of it.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  for (const volume of spec.volumes ?? []) setVolumeDefaults(volume);
  for (const container of allContainers(spec)) setContainerDefaults(container);
}

/**
 * A template's metadata is a non-pointer ObjectMeta upstream, so it always serializes, with a null
 * creationTimestamp.
 */
export function setPodTemplateDefaults(template: PodTemplateSpec): void {
  template.metadata ??= {};
  if (template.metadata.creationTimestamp === undefined) template.metadata.creationTimestamp = null;
  template.spec ??= {};
  setPodSpecDefaults(template.spec);
}

/** SetDefaults_Pod: what only a Pod (never a template) gets. */
export function setPodOnlyDefaults(spec: PodSpec): void {
  for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const { limits } = container.resources ?? {};
    if (!limits) continue;
    const requests = (container.resources!.requests ??= {});
    for (const [name, value] of Object.entries(limits)) requests[name] ??= value;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const container of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of container.ports ?? []) {
        if (!port.hostPort) port.hostPort = port.containerPort;
      }
    }
  }
}

function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
}

export function setContainerDefaults(container: Container): void {
  container.imagePullPolicy ||= imageTag(container.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  container.terminationMessagePath ||= '/dev/termination-log';
  container.terminationMessagePolicy ||= 'File';
  // resources is a non-pointer struct upstream, so it is always there, if only as {}.
  container.resources ??= {};
  for (const port of container.ports ?? []) port.protocol ||= 'TCP';
  for (const env of container.env ?? []) setEnvDefaults(env);
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    if (probe) setProbeDefaults(probe);
  }
  for (const handler of [container.lifecycle?.postStart, container.lifecycle?.preStop]) {
    if (handler) setHandlerDefaults(handler);
  }
}

function setEnvDefaults(env: EnvVar): void {
  const fieldRef = env.valueFrom?.fieldRef;
  if (fieldRef) fieldRef.apiVersion ||= 'v1';
}

function setProbeDefaults(probe: Probe): void {
  probe.timeoutSeconds ||= 1;
  probe.periodSeconds ||= 10;
  probe.successThreshold ||= 1;
  probe.failureThreshold ||= 3;
  if (probe.httpGet) setHTTPGetDefaults(probe.httpGet);
}

function setHandlerDefaults(handler: LifecycleHandler): void {
  if (handler.httpGet) setHTTPGetDefaults(handler.httpGet);
}

function setHTTPGetDefaults(action: HTTPGetAction): void {
  action.path ||= '/';
  action.scheme ||= 'HTTP';
}

export function setVolumeDefaults(volume: Volume): void {
  if (!VOLUME_SOURCES.some((source) => volume[source] != null)) volume.emptyDir = {};
  if (volume.hostPath) volume.hostPath.type ??= '';
  if (volume.configMap) volume.configMap.defaultMode ??= DEFAULT_FILE_MODE;
  if (volume.secret) volume.secret.defaultMode ??= DEFAULT_FILE_MODE;
  if (volume.downwardAPI) {
    volume.downwardAPI.defaultMode ??= DEFAULT_FILE_MODE;
    setDownwardAPIFileDefaults(volume.downwardAPI.items);
  }
  if (volume.projected) {
    volume.projected.defaultMode ??= DEFAULT_FILE_MODE;
    for (const source of volume.projected.sources ?? []) {
      if (source.serviceAccountToken) source.serviceAccountToken.expirationSeconds ??= DEFAULT_TOKEN_EXPIRATION_SECONDS;
      setDownwardAPIFileDefaults(source.downwardAPI?.items);
    }
  }
}

function setDownwardAPIFileDefaults(items: DownwardAPIVolumeFile[] | undefined): void {
  for (const item of items ?? []) {
    if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
}
