import type { PodTemplateSpec } from '../../../schemas/core/pod.js';
import { child, forbidden, invalid, notSupported, type FieldError } from '../field-errors.js';

/** Checks DaemonSet and ReplicationController make alike on the pods they own (ReplicaSet and StatefulSet do too). */

const IS_NEGATIVE = 'must be greater than or equal to 0';

/** Upstream's ValidateNonnegativeField; Go's zero value stands in for an absent field, so absent is fine. */
export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/**
 * The status checks upstream makes alike for replicated workloads: every counter non-negative, no subset count above
 * status.replicas, and no more available than ready replicas (`readyName`: how the kind's message names the latter).
 */
export function validateReplicaCounts<S extends { replicas?: number; readyReplicas?: number; availableReplicas?: number }>(
  status: S,
  counters: readonly (keyof S & string)[],
  subsets: readonly (keyof S & string)[],
  readyName: string,
): FieldError[] {
  const count = (name: keyof S & string) => status[name] as number | undefined;
  const errs = counters.flatMap((name) => validateNonnegative(count(name), child('status', name)));
  const replicas = status.replicas ?? 0;
  for (const name of subsets) {
    const value = count(name) ?? 0;
    if (value > replicas) errs.push(invalid(child('status', name), value, 'cannot be greater than status.replicas'));
  }
  const available = status.availableReplicas ?? 0;
  if (available > (status.readyReplicas ?? 0)) {
    errs.push(invalid('status.availableReplicas', available, `cannot be greater than ${readyName}`));
  }
  return errs;
}

/** A controller whose selector misses its own template's labels would never see the pods it creates. */
export function selectorMismatch(templatePath: string, labels: Record<string, string> | undefined): FieldError {
  return invalid(child(child(templatePath, 'metadata'), 'labels'), labels ?? null, '`selector` does not match template `labels`');
}

/**
 * A controller keeps its pods running for ever, so they must restart and may not have a deadline. `kind` is the
 * controller named in upstream's message.
 */
export function validateLongRunningTemplate(template: PodTemplateSpec, templatePath: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const spec = template.spec ?? {};
  const specPath = child(templatePath, 'spec');
  if (spec.restartPolicy !== 'Always') {
    errs.push(notSupported(child(specPath, 'restartPolicy'), spec.restartPolicy ?? '', ['Always']));
  }
  if (spec.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(child(specPath, 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}
