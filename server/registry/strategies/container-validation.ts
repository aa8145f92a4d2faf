import type { Container, ContainerPort, Volume, VolumeMount } from '../../../schemas/core/pod.js';
import { child, duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDNS1123Label } from '../validation/names.js';
import { validateEnv, validateEnvFrom } from './env-validation.js';
import { validateLifecycle, validateProbe } from './probe-validation.js';
import { validateResourceRequirements } from './resources-validation.js';
import { isValidPortName, isValidPortNum, isValidUserOrGroupID, notFound } from './value-formats.js';
import { validateLocalDescendingPath } from './volume-validation.js';

/** Upstream's validateContainers / validateInitContainers and what every container kind shares. */

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];
const NOT_FOR_PLAIN_INIT = 'may not be set for init containers without restartPolicy=Always';

export interface ContainerContext {
  /** Volumes that validated, by name: mounts must name one of them. */
  volumes: Map<string, Volume>;
  gracePeriod: number | undefined;
}

export function validateContainers(containers: Container[] | undefined, ctx: ContainerContext, path: string): FieldError[] {
  if (!containers?.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const at = child(path, i);
    errs.push(...validateContainerCommon(ctr, ctx, at));
    const name = ctr.name ?? '';
    if (names.has(name)) errs.push(duplicate(child(at, 'name'), name));
    names.add(name);
    errs.push(...validateProbesAndHooks(ctr, ctx, at));
    if (ctr.restartPolicy !== undefined) errs.push(forbidden(child(at, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

export function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  ctx: ContainerContext,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name ?? ''));
  (inits ?? []).forEach((ctr, i) => {
    const at = child(path, i);
    errs.push(...validateContainerCommon(ctr, ctx, at));
    const restartPolicy = ctr.restartPolicy;
    if (restartPolicy !== undefined && restartPolicy !== 'Always') {
      errs.push(notSupported(child(at, 'restartPolicy'), restartPolicy, ['Always']));
    }
    const name = ctr.name ?? '';
    if (names.has(name)) errs.push(duplicate(child(at, 'name'), name));
    else if (name) names.add(name);
    // Init containers run one at a time, so each is checked alone (upstream's index is therefore always 0).
    errs.push(...checkHostPortConflicts([ctr], path));
    if (restartPolicy === 'Always') {
      errs.push(...validateProbesAndHooks(ctr, ctx, at));
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (ctr[field]) errs.push(forbidden(child(at, field), NOT_FOR_PLAIN_INIT));
      }
    }
  });
  return errs;
}

function validateProbesAndHooks(ctr: Container, ctx: ContainerContext, path: string): FieldError[] {
  const errs = ctr.lifecycle ? validateLifecycle(ctr.lifecycle, ctx.gracePeriod, child(path, 'lifecycle')) : [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    errs.push(...validateProbe(kind, ctr[kind], ctx.gracePeriod, child(path, kind)));
  }
  return errs;
}

function validateContainerCommon(ctr: Container, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, 'name');
  if (!ctr.name) errs.push(required(namePath));
  else errs.push(...isDNS1123Label(ctr.name).map((msg) => invalid(namePath, ctr.name, msg)));
  if (!ctr.image) errs.push(required(child(path, 'image')));
  const policy = ctr.terminationMessagePolicy ?? '';
  const policyPath = child(path, 'terminationMessagePolicy');
  if (!policy) errs.push(required(policyPath));
  else if (policy !== 'File' && policy !== 'FallbackToLogsOnError') {
    errs.push(notSupported(policyPath, policy, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(ctr.ports ?? [], child(path, 'ports')));
  errs.push(...validateEnv(ctr.env, child(path, 'env')));
  errs.push(...validateEnvFrom(ctr.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(ctr, ctx.volumes, child(path, 'volumeMounts')));
  errs.push(...validateVolumeDevices(ctr, ctx.volumes, child(path, 'volumeDevices')));
  const pull = ctr.imagePullPolicy ?? '';
  const pullPath = child(path, 'imagePullPolicy');
  if (!pull) errs.push(required(pullPath));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(pullPath, pull, PULL_POLICIES));
  errs.push(...validateResourceRequirements(ctr.resources, child(path, 'resources')));
  errs.push(...validateSecurityContext(ctr, child(path, 'securityContext')));
  return errs;
}

function validatePorts(ports: ContainerPort[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const at = child(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((msg) => invalid(child(at, 'name'), port.name, msg)));
      else if (names.has(port.name)) errs.push(duplicate(child(at, 'name'), port.name));
      else names.add(port.name);
    }
    const containerPort = port.containerPort ?? 0;
    if (containerPort === 0) errs.push(required(child(at, 'containerPort')));
    else errs.push(...isValidPortNum(containerPort).map((msg) => invalid(child(at, 'containerPort'), containerPort, msg)));
    const hostPort = port.hostPort ?? 0;
    if (hostPort !== 0) errs.push(...isValidPortNum(hostPort).map((msg) => invalid(child(at, 'hostPort'), hostPort, msg)));
    const protocol = port.protocol ?? '';
    if (!protocol) errs.push(required(child(at, 'protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(at, 'protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

/** Two containers cannot bind the same host port on the same protocol and host IP. */
function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((ctr, i) => {
    (ctr.ports ?? []).forEach((port, j) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(child(child(child(child(path, i), 'ports'), j), 'hostPort'), key));
      seen.add(key);
    });
  });
  return errs;
}

function validateVolumeMounts(ctr: Container, volumes: Map<string, Volume>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  const devices = new Map((ctr.volumeDevices ?? []).map((d) => [d.name ?? '', d.devicePath ?? '']));
  const privileged = ctr.securityContext?.privileged === true;
  (ctr.volumeMounts ?? []).forEach((mount, i) => {
    const at = child(path, i);
    const name = mount.name ?? '';
    const mountPath = mount.mountPath ?? '';
    if (!name) errs.push(required(child(at, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(at, 'name'), name));
    if (!mountPath) errs.push(required(child(at, 'mountPath')));
    if (mountPaths.has(mountPath)) errs.push(invalid(child(at, 'mountPath'), mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    if (devices.has(name)) errs.push(invalid(child(at, 'name'), name, 'must not already exist in volumeDevices'));
    if ([...devices.values()].includes(mountPath)) {
      errs.push(invalid(child(at, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    }
    // Upstream reports subPath and propagation problems under the list's path, without the index.
    if (mount.subPath) errs.push(...validateLocalDescendingPath(mount.subPath, child(path, 'subPath')));
    if (mount.subPathExpr) {
      if (mount.subPath) {
        errs.push(invalid(child(at, 'subPathExpr'), mount.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      }
      errs.push(...validateLocalDescendingPath(mount.subPathExpr, child(path, 'subPathExpr')));
    }
    errs.push(...validateMountPropagation(mount, privileged, child(path, 'mountPropagation')));
    errs.push(...validateRecursiveReadOnly(mount, child(path, 'recursiveReadOnly')));
  });
  return errs;
}

function validateMountPropagation(mount: VolumeMount, privileged: boolean, path: string): FieldError[] {
  const mode = mount.mountPropagation;
  if (mode === undefined) return [];
  if (!MOUNT_PROPAGATIONS.includes(mode)) return [notSupported(path, mode, MOUNT_PROPAGATIONS)];
  if (mode === 'Bidirectional' && !privileged) {
    return [forbidden(path, 'Bidirectional mount propagation is available only to privileged containers')];
  }
  return [];
}

function validateRecursiveReadOnly(mount: VolumeMount, path: string): FieldError[] {
  const mode = mount.recursiveReadOnly;
  if (mode === undefined || mode === 'Disabled') return [];
  if (!RECURSIVE_READ_ONLY.includes(mode)) return [notSupported(path, mode, RECURSIVE_READ_ONLY)];
  const errs: FieldError[] = [];
  if (!mount.readOnly) errs.push(forbidden(path, 'may only be specified when readOnly is true'));
  if (mount.mountPropagation !== undefined && mount.mountPropagation !== 'None') {
    errs.push(forbidden(path, 'may only be specified when mountPropagation is None or not specified'));
  }
  return errs;
}

/** Block devices need a claim behind them; everything else mounts as a filesystem. */
function validateVolumeDevices(ctr: Container, volumes: Map<string, Volume>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  const mounts = new Map((ctr.volumeMounts ?? []).map((m) => [m.name ?? '', m.mountPath ?? '']));
  (ctr.volumeDevices ?? []).forEach((device, i) => {
    const at = child(path, i);
    const name = device.name ?? '';
    const devicePath = device.devicePath ?? '';
    const volume = volumes.get(name);
    if (!name) errs.push(required(child(at, 'name')));
    if (names.has(name)) errs.push(invalid(child(at, 'name'), name, 'must be unique'));
    if (volume && !volume.persistentVolumeClaim && !volume.ephemeral) {
      const detail = 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode';
      errs.push(invalid(child(at, 'name'), name, detail));
    }
    if (!volume) errs.push(notFound(child(at, 'name'), name));
    if (!devicePath) errs.push(required(child(at, 'devicePath')));
    if (paths.has(devicePath)) errs.push(invalid(child(at, 'devicePath'), devicePath, 'must be unique'));
    if (devicePath.split('/').includes('..')) {
      errs.push(invalid(child(at, 'devicePath'), devicePath, "can not contain backsteps ('..')"));
    } else {
      paths.add(devicePath);
    }
    if (mounts.has(name)) errs.push(invalid(child(at, 'name'), name, 'must not already exist in volumeMounts'));
    if ([...mounts.values()].includes(devicePath)) {
      errs.push(invalid(child(at, 'devicePath'), devicePath, 'must not already exist as a path in volumeMounts'));
    }
    if (name) names.add(name);
  });
  return errs;
}

function validateSecurityContext(ctr: Container, path: string): FieldError[] {
  const sc = ctr.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    const id = sc[field];
    if (id !== undefined) errs.push(...isValidUserOrGroupID(id).map((msg) => invalid(child(path, field), id, msg)));
  }
  if (sc.procMount !== undefined && sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
    errs.push(notSupported(child(path, 'procMount'), sc.procMount, ['Default', 'Unmasked']));
  }
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
  }
  return errs;
}
