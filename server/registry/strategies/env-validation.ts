import type { EnvFromSource, EnvVar } from '../../../schemas/core/pod.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDNS1123Subdomain, isQualifiedName, validateNameByRule } from '../validation/names.js';
import { isConfigMapKey, isRelaxedEnvVarName } from './value-formats.js';

/** Container environment (env, envFrom) and the downward-API selectors env vars and volume files share. */

const ENV_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** Every field v1 lets the downward API name; anything else fails conversion before validation. */
const CONVERTIBLE_FIELDS = new Set([
  ...ENV_FIELDS,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
]);
const RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];

export function validateEnv(vars: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((env, i) => {
    const at = child(path, i);
    const name = env.name ?? '';
    if (!name) errs.push(required(child(at, 'name')));
    else errs.push(...isRelaxedEnvVarName(name).map((msg) => invalid(child(at, 'name'), name, msg)));
    errs.push(...validateValueFrom(env, child(at, 'valueFrom')));
  });
  return errs;
}

function validateValueFrom(env: EnvVar, path: string): FieldError[] {
  const from = env.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(from.fieldRef, ENV_FIELDS, child(path, 'fieldRef')));
  }
  if (from.resourceFieldRef) {
    sources++;
    errs.push(...validateResourceFieldSelector(from.resourceFieldRef, child(path, 'resourceFieldRef'), false));
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const ref = from[kind];
    if (!ref) continue;
    sources++;
    const name = ref.name ?? '';
    errs.push(...isDNS1123Subdomain(name).map((msg) => invalid(child(child(path, kind), 'name'), name, msg)));
    const keyPath = child(child(path, kind), 'key');
    if (!ref.key) errs.push(required(keyPath));
    else errs.push(...isConfigMapKey(ref.key).map((msg) => invalid(keyPath, ref.key, msg)));
  }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (env.value) {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnvFrom(sources: EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sources ?? []).forEach((source, i) => {
    const at = child(path, i);
    if (source.prefix) {
      errs.push(...isRelaxedEnvVarName(source.prefix).map((msg) => invalid(child(at, 'prefix'), source.prefix, msg)));
    }
    let count = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = source[kind];
      if (!ref) continue;
      count++;
      const namePath = child(child(at, kind), 'name');
      if (!ref.name) errs.push(required(namePath));
      else errs.push(...validateNameByRule(ref.name, 'subdomain', true).map((msg) => invalid(namePath, ref.name, msg)));
    }
    // Upstream reports these at the list's path, not the entry's.
    if (count === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (count > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** `metadata.labels['key']` → ['metadata.labels', 'key']. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

export function validateObjectFieldSelector(
  selector: { apiVersion?: string; fieldPath?: string },
  allowed: readonly string[],
  path: string,
): FieldError[] {
  if (!selector.apiVersion) return [required(child(path, 'apiVersion'))];
  if (!selector.fieldPath) return [required(child(path, 'fieldPath'))];
  const fieldPath = selector.fieldPath === 'spec.host' ? 'spec.nodeName' : selector.fieldPath;
  const subscripted = splitSubscript(fieldPath);
  const conversionError =
    selector.apiVersion !== 'v1'
      ? `unsupported pod version: ${selector.apiVersion}`
      : subscripted && !['metadata.annotations', 'metadata.labels'].includes(subscripted[0])
        ? `field label does not support subscript: ${fieldPath}`
        : !subscripted && !CONVERTIBLE_FIELDS.has(fieldPath)
          ? `field label not supported: ${fieldPath}`
          : undefined;
  if (conversionError) {
    return [invalid(child(path, 'fieldPath'), selector.fieldPath, `error converting fieldPath: ${conversionError}`)];
  }
  if (subscripted) {
    const [field, key] = subscripted;
    const checked = field === 'metadata.annotations' ? key.toLowerCase() : key;
    return isQualifiedName(checked).map((msg) => invalid(path, checked, msg));
  }
  return allowed.includes(fieldPath) ? [] : [notSupported(child(path, 'fieldPath'), fieldPath, allowed)];
}

export function validateResourceFieldSelector(
  selector: { containerName?: string; resource?: string },
  path: string,
  inVolume: boolean,
): FieldError[] {
  const resource = selector.resource ?? '';
  if (inVolume && !selector.containerName) return [required(child(path, 'containerName'))];
  if (!resource) return [required(child(path, 'resource'))];
  if (RESOURCE_FIELDS.includes(resource) || HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p))) return [];
  return [notSupported(child(path, 'resource'), resource, RESOURCE_FIELDS)];
}
