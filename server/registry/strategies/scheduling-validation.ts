import type { LabelSelector } from '../../../schemas/meta.js';
import type { Affinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Toleration } from '../../../schemas/core/pod.js';
import { child, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { validateLabelName, validateLabelSelector } from '../validation/label-selector.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidLabelValue } from '../validation/names.js';

/** Where a pod may run: tolerations, node affinity, pod (anti-)affinity; also the taint effects nodes share. */

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NOT_AN_OPERATOR = 'not a valid selector operator';

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && !effect) return [required(path)];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const at = child(path, i);
    const operatorPath = child(at, 'operator');
    const key = t.key ?? '';
    const operator = t.operator ?? '';
    const value = t.value ?? '';
    if (key) errs.push(...validateLabelName(key, child(at, 'key')));
    if (!key && operator !== 'Exists') {
      const detail = 'operator must be Exists when `key` is empty, which means "match all values and all keys"';
      errs.push(invalid(operatorPath, operator, detail));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(child(at, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(operatorPath, value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(operatorPath, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(operatorPath, operator, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, child(at, 'effect')));
  });
  return errs;
}

export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const node = affinity.nodeAffinity;
  if (node) {
    const nodePath = child(path, 'nodeAffinity');
    const required = node.requiredDuringSchedulingIgnoredDuringExecution;
    if (required) errs.push(...validateNodeSelector(required, child(nodePath, 'requiredDuringSchedulingIgnoredDuringExecution')));
    const preferredPath = child(nodePath, 'preferredDuringSchedulingIgnoredDuringExecution');
    (node.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
      errs.push(...validateWeight(term.weight, child(child(preferredPath, i), 'weight')));
      // Preferred terms may name label values no node has yet: they only rank nodes.
      errs.push(...validateNodeSelectorTerm(term.preference ?? {}, true, child(child(preferredPath, i), 'preference')));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const terms = affinity[kind];
    if (terms) errs.push(...validatePodAffinity(terms, child(path, kind)));
  }
  return errs;
}

export function validateNodeSelector(selector: NodeSelector, path: string): FieldError[] {
  const termsPath = child(path, 'nodeSelectorTerms');
  const terms = selector.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((term, i) => validateNodeSelectorTerm(term, false, child(termsPath, i)));
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((req, j) => {
    errs.push(...validateNodeSelectorRequirement(req, allowInvalidValues, child(child(path, 'matchExpressions'), j)));
  });
  (term.matchFields ?? []).forEach((req, j) => {
    errs.push(...validateNodeFieldSelectorRequirement(req, child(child(path, 'matchFields'), j)));
  });
  return errs;
}

function validateNodeSelectorRequirement(req: NodeSelectorRequirement, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  const valuesPath = child(path, 'values');
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(valuesPath, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), req.operator ?? '', NOT_AN_OPERATOR));
  }
  errs.push(...validateLabelName(req.key ?? '', child(path, 'key')));
  if (!allowInvalidValues) {
    values.forEach((value, i) => errs.push(...isValidLabelValue(value).map((msg) => invalid(child(valuesPath, i), value, msg))));
  }
  return errs;
}

/** matchFields can only pin a node by name, the one field upstream indexes nodes by. */
function validateNodeFieldSelectorRequirement(req: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  if (req.operator === 'In' || req.operator === 'NotIn') {
    if (values.length !== 1) {
      errs.push(required(child(path, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    }
  } else {
    errs.push(invalid(child(path, 'operator'), req.operator ?? '', NOT_AN_OPERATOR));
  }
  if (req.key !== 'metadata.name') {
    errs.push(invalid(child(path, 'key'), req.key ?? '', 'not a valid field selector key'));
  } else {
    values.forEach((v, i) => errs.push(...isDNS1123Subdomain(v).map((msg) => invalid(child(child(path, 'values'), i), v, msg))));
  }
  return errs;
}

function validateWeight(weight: number | undefined, path: string): FieldError[] {
  const w = weight ?? 0;
  return w <= 0 || w > 100 ? [invalid(path, w, 'must be in the range 1-100')] : [];
}

/** The schema keeps pod affinity terms open, so each field's shape is checked before it is read. */
interface PodAffinityTermInput {
  labelSelector?: unknown;
  namespaces?: unknown;
  topologyKey?: unknown;
}
interface WeightedTermInput {
  weight?: unknown;
  podAffinityTerm?: PodAffinityTermInput;
}

function validatePodAffinity(
  affinity: { requiredDuringSchedulingIgnoredDuringExecution?: object[]; preferredDuringSchedulingIgnoredDuringExecution?: object[] },
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const requiredPath = child(path, 'requiredDuringSchedulingIgnoredDuringExecution');
  (affinity.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
    errs.push(...validatePodAffinityTerm(term as PodAffinityTermInput, child(requiredPath, i)));
  });
  const preferredPath = child(path, 'preferredDuringSchedulingIgnoredDuringExecution');
  (affinity.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((input, i) => {
    const term = input as WeightedTermInput;
    const weight = typeof term.weight === 'number' ? term.weight : 0;
    errs.push(...validateWeight(weight, child(child(preferredPath, i), 'weight')));
    errs.push(...validatePodAffinityTerm(term.podAffinityTerm ?? {}, child(child(preferredPath, i), 'podAffinityTerm')));
  });
  return errs;
}

function validatePodAffinityTerm(term: PodAffinityTermInput, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isRecord(term.labelSelector)) {
    errs.push(...validateLabelSelector(term.labelSelector as LabelSelector, child(path, 'labelSelector')));
  }
  for (const ns of Array.isArray(term.namespaces) ? term.namespaces : []) {
    if (typeof ns === 'string') errs.push(...isDNS1123Label(ns).map((msg) => invalid(child(path, 'namespace'), ns, msg)));
  }
  const topologyKey = typeof term.topologyKey === 'string' ? term.topologyKey : '';
  if (!topologyKey) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(topologyKey, child(path, 'topologyKey')));
  return errs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
