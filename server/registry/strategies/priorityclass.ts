import type { KubeObject } from '../../../schemas/meta.js';
import type { PriorityClass } from '../../../schemas/scheduling/priorityclass.js';
import { forbidden, invalid, notSupported, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';

type PriorityClassObject = PriorityClass & KubeObject;

export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_PREFIX = 'system-';
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** The priority classes every cluster has; only these may use the `system-` prefix. */
export const SYSTEM_PRIORITY_CLASSES = [
  {
    name: 'system-node-critical',
    value: 2_000_001_000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2_000_000_000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (!known) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** pkg/apis/scheduling/validation: value and preemptionPolicy are fixed once created. */
export const priorityClassStrategy = defineStrategy<PriorityClassObject>({
  // value has no omitempty upstream: a class created without one has priority 0.
  applyDefaults(pc) {
    pc.value ??= 0;
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },

  validate(pc) {
    const errs: FieldError[] = [];
    const name = pc.metadata.name ?? '';
    const value = pc.value ?? 0;
    if (name.startsWith(SYSTEM_PREFIX)) {
      const problem = systemClassError(name, value, pc.globalDefault ?? false);
      if (problem) {
        errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${problem}`));
      }
    } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
    if (pc.preemptionPolicy !== null && pc.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(pc.preemptionPolicy)) {
      errs.push(notSupported('preemptionPolicy', pc.preemptionPolicy, PREEMPTION_POLICIES));
    }
    return errs;
  },

  validateUpdate(pc, old) {
    const errs: FieldError[] = [];
    if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
    if ((pc.preemptionPolicy ?? null) !== (old.preemptionPolicy ?? null)) {
      errs.push(invalid('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable'));
    }
    return errs;
  },
});
