import type { DownwardAPIVolumeFile, KeyToPath, Volume, VolumeProjection } from '../../../schemas/core/pod.js';
import type { VolumeSourceName } from '../../../schemas/core/volume.js';
import { child, duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDNS1123Label } from '../validation/names.js';
import { parseQuantity } from './quantity.js';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './env-validation.js';

/**
 * Upstream's ValidateVolumes: names, exactly one source each, and the sources this server models. Sources are
 * checked in upstream's order; a second source is reported under upstream's (sometimes misspelt) segment.
 */
const SOURCE_ORDER: [VolumeSourceName, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const VOLUME_FILE_FIELDS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

export interface VolumeValidation {
  /** Volumes that passed validation, by name: only these can be mounted. */
  volumes: Map<string, Volume>;
  errors: FieldError[];
}

export function validateVolumes(volumes: Volume[] | undefined, path: string): VolumeValidation {
  const valid = new Map<string, Volume>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((volume, i) => {
    const at = child(path, i);
    const namePath = child(at, 'name');
    const name = volume.name ?? '';
    const errs = validateVolumeSource(volume, at);
    if (!name) errs.push(required(namePath));
    else errs.push(...isDNS1123Label(name).map((msg) => invalid(namePath, name, msg)));
    if (valid.has(name)) errs.push(duplicate(namePath, name));
    if (errs.length === 0) valid.set(name, volume);
    else errors.push(...errs);
  });
  return { volumes: valid, errors };
}

function validateVolumeSource(volume: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let found = false;
  for (const [source, segment] of SOURCE_ORDER) {
    if (volume[source] == null) continue;
    if (found) {
      errs.push(forbidden(child(path, segment), 'may not specify more than 1 volume type'));
      continue;
    }
    found = true;
    errs.push(...validateSource(volume, source, child(path, source)));
  }
  if (!found) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

function validateSource(volume: Volume, source: VolumeSourceName, path: string): FieldError[] {
  switch (source) {
    case 'emptyDir': {
      const limit = volume.emptyDir?.sizeLimit;
      const negative = limit !== undefined && (parseQuantity(limit) ?? 0n) < 0n;
      return negative ? [forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
    }
    case 'hostPath': {
      const { path: hostPath, type } = volume.hostPath ?? {};
      if (!hostPath) return [required(child(path, 'path'))];
      const errs = validateNoBacksteps(hostPath, child(path, 'path'));
      if (type !== undefined && !HOST_PATH_TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, HOST_PATH_TYPES));
      return errs;
    }
    case 'secret': {
      const s = volume.secret ?? {};
      const errs = s.secretName ? [] : [required(child(path, 'secretName'))];
      return [...errs, ...validateKeyProjection(s, path)];
    }
    case 'configMap': {
      const c = volume.configMap ?? {};
      const errs = c.name ? [] : [required(child(path, 'name'))];
      return [...errs, ...validateKeyProjection(c, path)];
    }
    case 'persistentVolumeClaim':
      return volume.persistentVolumeClaim?.claimName ? [] : [required(child(path, 'claimName'))];
    case 'downwardAPI': {
      const d = volume.downwardAPI ?? {};
      const errs = validateFileMode(d.defaultMode, child(path, 'defaultMode'));
      for (const file of d.items ?? []) errs.push(...validateDownwardAPIFile(file, path));
      return errs;
    }
    case 'projected': {
      const p = volume.projected ?? {};
      return [...validateFileMode(p.defaultMode, child(path, 'defaultMode')), ...validateProjections(p.sources ?? [], path)];
    }
    default:
      return [];
  }
}

/** The mode and key-to-file items configMap and secret volumes share. */
function validateKeyProjection(source: { defaultMode?: number; items?: KeyToPath[] }, path: string): FieldError[] {
  const errs = validateFileMode(source.defaultMode, child(path, 'defaultMode'));
  (source.items ?? []).forEach((item, i) => errs.push(...validateKeyToPath(item, child(child(path, 'items'), i))));
  return errs;
}

function validateKeyToPath(item: KeyToPath, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!item.key) errs.push(required(child(path, 'key')));
  if (!item.path) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(item.path ?? '', child(path, 'path')));
  errs.push(...validateFileMode(item.mode, child(path, 'mode')));
  return errs;
}

/** Upstream passes the volume source's path, not the item's, so file errors carry no index. */
function validateDownwardAPIFile(file: DownwardAPIVolumeFile, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(file.path ?? '', child(path, 'path')));
  if (file.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FILE_FIELDS, child(path, 'fieldRef')));
    if (file.resourceFieldRef) {
      errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    }
  } else if (file.resourceFieldRef) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, child(path, 'resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateFileMode(file.mode, child(path, 'mode')));
  return errs;
}

function validateProjections(sources: VolumeProjection[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  const claimPath = (p: string | undefined, value: string) => {
    if (!p) return;
    if (paths.has(p)) errs.push(invalid(path, value, 'conflicting duplicate paths'));
    paths.add(p);
  };
  sources.forEach((source, i) => {
    const at = child(child(path, 'sources'), i);
    let count = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = source[kind];
      if (!ref) continue;
      count++;
      if (!ref.name) errs.push(required(child(child(at, kind), 'name')));
      (ref.items ?? []).forEach((item, j) => {
        errs.push(...validateKeyToPath(item, child(child(child(at, kind), 'items'), j)));
        claimPath(item.path, ref.name ?? '');
      });
    }
    if (source.downwardAPI) {
      count++;
      for (const file of source.downwardAPI.items ?? []) {
        errs.push(...validateDownwardAPIFile(file, child(at, 'downwardAPI')));
        claimPath(file.path, file.path ?? '');
      }
    }
    if (source.serviceAccountToken) {
      count++;
      const token = source.serviceAccountToken;
      const seconds = token.expirationSeconds ?? 0;
      const secondsPath = child(child(at, 'serviceAccountToken'), 'expirationSeconds');
      if (seconds < 600) errs.push(invalid(secondsPath, seconds, 'may not specify a duration less than 10 minutes'));
      if (seconds > 2 ** 32) errs.push(invalid(secondsPath, seconds, 'may not specify a duration larger than 2^32 seconds'));
      if (!token.path) errs.push(required(child(path, 'path')));
      else errs.push(...validateLocalNonReservedPath(token.path, child(path, 'path')));
    }
    if (source.clusterTrustBundle) count++;
    if (count > 1) errs.push(forbidden(at, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateFileMode(mode: number | undefined, path: string): FieldError[] {
  return mode !== undefined && (mode < 0 || mode > 0o777) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

export function validateNoBacksteps(target: string, path: string): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs = target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : [];
  return [...errs, ...validateNoBacksteps(target, path)];
}

function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}
