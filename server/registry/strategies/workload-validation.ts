import type { PodTemplateSpec } from '../../../schemas/core/pod.js';
import { child, forbidden, invalid, notSupported, type FieldError } from '../field-errors.js';

/** Checks DaemonSet and ReplicationController make alike on the pods they own (ReplicaSet and StatefulSet do too). */

const IS_NEGATIVE = 'must be greater than or equal to 0';

/** Upstream's ValidateNonnegativeField; Go's zero value stands in for an absent field, so absent is fine. */
export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
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
