import type { ObjectMeta, OwnerReference } from '../../../schemas/meta.js';
import type { NameRule } from '../strategy.js';
import { child, forbidden, invalid, required, tooLong, type FieldError } from '../field-errors.js';
import { validateLabels } from './label-selector.js';
import { isDNS1123Label, isQualifiedName, validateNameByRule } from './names.js';

export { validateLabels } from './label-selector.js';

/**
 * Generic metadata validation as a built-in kind sees it: apimachinery's ValidateObjectMeta / ValidateObjectMetaUpdate
 * plus the finalizer-name check that pkg/apis/core/validation wraps around both.
 */

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameRule: NameRule;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const FIELD_IMMUTABLE = 'field is immutable';
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Expects name generation to have run already: a generateName alone does not satisfy the name requirement. */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaOptions, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    const generatePath = child(path, 'generateName');
    for (const msg of validateNameByRule(meta.generateName, opts.nameRule, true)) {
      errs.push(invalid(generatePath, meta.generateName, msg));
    }
  }
  if (!meta.name) {
    errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of validateNameByRule(meta.name, opts.nameRule, false)) {
      errs.push(invalid(child(path, 'name'), meta.name, msg));
    }
  }
  errs.push(...validateNamespaceField(meta.namespace, opts.namespaced, child(path, 'namespace')));
  if ((meta.generation ?? 0) < 0) {
    errs.push(invalid(child(path, 'generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences ?? [], child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers ?? [], child(path, 'finalizers')));
  return errs;
}

/**
 * Upstream's update checks. Like upstream, it expects the store to have already carried over what a client may
 * omit (resourceVersion on an unconditional update, creationTimestamp, a set deletionTimestamp and grace period), so
 * anything still differing here is a real attempt to change it.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const finalizersPath = child(path, 'finalizers');
  if (old.deletionTimestamp != null) {
    const before = new Set(old.finalizers ?? []);
    const added = [...new Set(meta.finalizers ?? [])].filter((f) => !before.has(f)).sort();
    if (added.length > 0) {
      const detail = 'no new finalizers can be added if the object is being deleted, found new finalizers';
      errs.push(forbidden(finalizersPath, `${detail} ${goStringSlice(added)}`));
    }
  }
  if (!meta.resourceVersion) {
    errs.push(invalid(child(path, 'resourceVersion'), meta.resourceVersion ?? '', 'must be specified for an update'));
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(invalid(child(path, 'generation'), meta.generation ?? 0, 'must not be decremented'));
  }
  for (const key of ['name', 'namespace', 'uid'] as const) {
    const now = meta[key] ?? '';
    if (now !== (old[key] ?? '')) errs.push(invalid(child(path, key), now, FIELD_IMMUTABLE));
  }
  if (!sameInstant(meta.creationTimestamp, old.creationTimestamp)) {
    errs.push(invalidRendered(child(path, 'creationTimestamp'), goTime(meta.creationTimestamp), FIELD_IMMUTABLE));
  }
  const deletionSet = meta.deletionTimestamp != null;
  if (deletionSet !== (old.deletionTimestamp != null) || !sameInstant(meta.deletionTimestamp, old.deletionTimestamp)) {
    const shown = deletionSet ? goTime(meta.deletionTimestamp) : 'null';
    errs.push(invalidRendered(child(path, 'deletionTimestamp'), shown, FIELD_IMMUTABLE));
  }
  if ((meta.deletionGracePeriodSeconds ?? null) !== (old.deletionGracePeriodSeconds ?? null)) {
    errs.push(invalid(child(path, 'deletionGracePeriodSeconds'), meta.deletionGracePeriodSeconds, FIELD_IMMUTABLE));
  }
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences ?? [], child(path, 'ownerReferences')));
  // Upstream re-runs the create-time metadata checks on every update, which is where finalizer names get checked.
  errs.push(...validateFinalizers(meta.finalizers ?? [], finalizersPath));
  return errs;
}

/** Keys are label keys compared case-insensitively; the size limit covers keys and values together, in bytes. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    errs.push(...isQualifiedName(key.toLowerCase()).map((msg) => invalid(path, key, msg)));
    total += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateNamespaceField(namespace: string | undefined, namespaced: boolean, path: string): FieldError[] {
  if (!namespaced) return namespace ? [forbidden(path, 'not allowed on this type')] : [];
  if (!namespace) return [required(path)];
  return isDNS1123Label(namespace).map((msg) => invalid(path, namespace, msg));
}

/** Upstream reports owner reference problems at the list's path, without the index of the offending entry. */
function validateOwnerReferences(refs: OwnerReference[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller !== true) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (!firstController) {
      firstController = current;
      continue;
    }
    const detail =
      'Only one reference can have Controller set to true. ' +
      `Found "true" in references for ${firstController} and ${current}`;
    errs.push(invalidRendered(path, `[]v1.OwnerReference{${refs.map(goOwnerReference).join(', ')}}`, detail));
  }
  return errs;
}

function validateOwnerReference(ref: OwnerReference, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const { group, version } = parseAPIVersion(ref.apiVersion);
  if (!version) errs.push(invalid(child(path, 'apiVersion'), ref.apiVersion, 'version must not be empty'));
  for (const key of ['kind', 'name', 'uid'] as const) {
    if (!ref[key]) errs.push(invalid(child(path, key), ref[key], 'must not be empty'));
  }
  // Upstream's BannedOwners: core Events expire on a TTL, so anything they owned would be collected with them.
  if (group === '' && version === 'v1' && ref.kind === 'Event') {
    errs.push(invalidRendered(path, goOwnerReference(ref), '/v1, Kind=Event is disallowed from being an owner'));
  }
  return errs;
}

/** schema.ParseGroupVersion: "" and "/" mean the empty version, more than one slash is unparseable (also empty). */
function parseAPIVersion(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split('/');
  if (apiVersion === '/' || parts.length > 2) return { group: '', version: '' };
  return parts.length === 1 ? { group: '', version: apiVersion } : { group: parts[0], version: parts[1] };
}

/**
 * apimachinery checks every finalizer is a qualified name (reported at the list's path) and that orphan and
 * foregroundDeletion are not both requested; core adds, per index, that an unprefixed name must be a standard one.
 */
function validateFinalizers(finalizers: string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const finalizer of finalizers) {
    errs.push(...isQualifiedName(finalizer).map((msg) => invalid(path, finalizer, msg)));
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    const detail = 'finalizer orphan and foregroundDeletion cannot be both set';
    errs.push(invalidRendered(path, goStringSlice(finalizers), detail));
  }
  finalizers.forEach((finalizer, i) => {
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      const detail = 'name is neither a standard finalizer name nor is it fully qualified';
      errs.push(invalid(child(path, i), finalizer, detail));
    }
  });
  return errs;
}

/** An Invalid error whose bad value is already rendered the way Go's field errors print non-scalar values. */
function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${rendered}: ${detail}` };
}

/** Go's %#v of a []string. */
function goStringSlice(values: string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

/**
 * Go's %#v of a metav1.OwnerReference. Go prints set pointers as heap addresses that differ on every run, so a
 * fixed stand-in address keeps the shape without pretending to be reproducible.
 */
function goOwnerReference(ref: OwnerReference): string {
  const ptr = (v: boolean | undefined) => (v === undefined ? '(*bool)(nil)' : '(*bool)(0xc000010000)');
  return (
    `v1.OwnerReference{APIVersion:${JSON.stringify(ref.apiVersion)}, Kind:${JSON.stringify(ref.kind)}, ` +
    `Name:${JSON.stringify(ref.name)}, UID:${JSON.stringify(ref.uid)}, Controller:${ptr(ref.controller)}, ` +
    `BlockOwnerDeletion:${ptr(ref.blockOwnerDeletion)}}`
  );
}

type Timestamp = string | null | undefined;

/** Go's zero time.Time, 0001-01-01T00:00:00Z, which is what an unset metav1.Time holds. */
const GO_ZERO_TIME_MS = -62135596800000;

/** Milliseconds since the epoch. */
function instant(ts: Timestamp): number {
  return ts ? Date.parse(ts) : GO_ZERO_TIME_MS;
}

/** Upstream compares times semantically (same instant), so a re-serialised timestamp is not a change. */
function sameInstant(a: Timestamp, b: Timestamp): boolean {
  const [x, y] = [instant(a), instant(b)];
  return Number.isNaN(x) || Number.isNaN(y) ? (a ?? '') === (b ?? '') : x === y;
}

/** Go's time.Time.String() for a UTC time (the server's zone), e.g. `2024-01-02 03:04:05.5 +0000 UTC`. */
function goTime(ts: Timestamp): string {
  const ms = instant(ts);
  if (Number.isNaN(ms)) return JSON.stringify(ts);
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}
