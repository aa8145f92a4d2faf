import type { Container, PodSpec, Toleration } from '../../../schemas/core/pod.js';
import { child, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import { specDiff, specEqual } from './spec-diff.js';
import { inclusiveRangeError } from './value-formats.js';

/** Upstream's ValidatePodUpdate: a pod's spec is fixed once created, bar the few fields listed below. */

const UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const MAX_INT32 = 2147483647;

export function validatePodSpecUpdate(spec: PodSpec, old: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    const { errors, stop } = validateContainerUpdates(spec[list] ?? [], old[list] ?? [], child('spec', list));
    errs.push(...errors);
    if (stop) return errs;
  }
  const deadline = validateDeadlineUpdate(spec.activeDeadlineSeconds, old.activeDeadlineSeconds);
  errs.push(...deadline.errors);
  if (deadline.stop) return errs;
  errs.push(...validateOnlyAddedTolerations(spec.tolerations ?? [], old.tolerations ?? []));
  errs.push(...validateOnlyDeletedSchedulingGates(spec, old));
  const munged = mungeUpdatableFields(spec, old, errs);
  const diff = specDiff(old, munged);
  if (diff.length > 0) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_FIELDS}\n${diff.join('\n')}`));
  }
  return errs;
}

function validateContainerUpdates(next: Container[], old: Container[], path: string): { errors: FieldError[]; stop: boolean } {
  if (next.length !== old.length) {
    return { errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  }
  const errors: FieldError[] = [];
  next.forEach((ctr, i) => {
    const image = ctr.image ?? '';
    if (!image) errors.push(required(child(child(path, i), 'image')));
    if (image.trim() !== image) {
      errors.push(invalid(child(child(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
    }
  });
  return { errors, stop: false };
}

/** The deadline may be set once, then only shortened. */
function validateDeadlineUpdate(next: number | undefined, old: number | undefined): { errors: FieldError[]; stop: boolean } {
  const path = 'spec.activeDeadlineSeconds';
  if (next === undefined) {
    const errors = old === undefined ? [] : [invalid(path, null, 'must not update from a positive integer to nil value')];
    return { errors, stop: false };
  }
  if (next < 0 || next > MAX_INT32) return { errors: [invalid(path, next, inclusiveRangeError(0, MAX_INT32))], stop: true };
  if (old !== undefined && old < next) {
    return { errors: [invalid(path, next, 'must be less than or equal to previous value')], stop: true };
  }
  return { errors: [], stop: false };
}

/** Every old toleration must still be there, though its tolerationSeconds may change. */
function validateOnlyAddedTolerations(next: Toleration[], old: Toleration[]): FieldError[] {
  const sameBesidesSeconds = (a: Toleration, b: Toleration) =>
    specEqual({ ...a, tolerationSeconds: undefined }, { ...b, tolerationSeconds: undefined });
  for (const toleration of old) {
    if (!next.some((candidate) => sameBesidesSeconds(toleration, candidate))) {
      return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return [];
}

function validateOnlyDeletedSchedulingGates(spec: PodSpec, old: PodSpec): FieldError[] {
  const before = new Set((old.schedulingGates ?? []).map((g) => g.name));
  const errs: FieldError[] = [];
  (spec.schedulingGates ?? []).forEach((gate, i) => {
    if (!before.has(gate.name)) {
      const detail = `only deletion is allowed, but found new scheduling gate '${gate.name ?? ''}'`;
      errs.push(forbidden(child(child('spec.schedulingGates', i), 'name'), detail));
    }
  });
  return errs;
}

/**
 * The new spec with every field that may change reset to its old value, so that whatever still differs is
 * forbidden. A pod still held by scheduling gates may also gain nodeSelector entries; a problem with that is
 * appended to `errs`.
 */
function mungeUpdatableFields(spec: PodSpec, old: PodSpec, errs: FieldError[]): PodSpec {
  // Only top-level fields and container objects are replaced below, so a shallow copy keeps `spec` untouched.
  const munged: PodSpec = { ...spec };
  munged.containers = munged.containers?.map((ctr, i) => ({ ...ctr, image: old.containers?.[i]?.image }));
  munged.initContainers = munged.initContainers?.map((ctr, i) => ({ ...ctr, image: old.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  munged.schedulingGates = old.schedulingGates;
  munged.tolerations = old.tolerations;
  const oldGrace = old.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (old.schedulingGates?.length && !specEqual(old.nodeSelector, munged.nodeSelector)) {
    const next = munged.nodeSelector ?? {};
    const kept = Object.entries(old.nodeSelector ?? {}).every(([key, value]) => next[key] === value);
    if (!kept) {
      errs.push(invalid('spec.nodeSelector', next, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
    }
    munged.nodeSelector = old.nodeSelector;
  }
  return munged;
}
