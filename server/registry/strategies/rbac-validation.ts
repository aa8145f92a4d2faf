import type { PolicyRule, RoleRef, Subject } from '../../../schemas/rbac/rbac.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDNS1123Subdomain, isValidPathSegmentName } from '../validation/names.js';

/** pkg/apis/rbac/validation: the checks Roles, ClusterRoles and both kinds of binding share. */

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Go's %#v of a []string, which upstream prints as the bad value of a list field. */
export function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

function invalidGoValue(field: string, goValue: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${goValue}: ${detail}` };
}

const count = (list: readonly unknown[] | undefined) => list?.length ?? 0;

export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (count(rule.verbs) === 0) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  if (count(rule.nonResourceURLs) > 0) {
    const urls = goStringSlice(rule.nonResourceURLs!);
    const urlsPath = child(path, 'nonResourceURLs');
    if (namespaced) errs.push(invalidGoValue(urlsPath, urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (count(rule.apiGroups) > 0 || count(rule.resources) > 0 || count(rule.resourceNames) > 0) {
      errs.push(invalidGoValue(urlsPath, urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (count(rule.apiGroups) === 0) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (count(rule.resources) === 0) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  if (count(rule.resourceNames) > 0 && count(rule.resources) > 1) {
    errs.push(required(child(path, 'resourceNames'), 'resource names cannot apply to multiple resources'));
  }
  return errs;
}

export function validateRules(rules: PolicyRule[] | undefined, namespaced: boolean): FieldError[] {
  return (rules ?? []).flatMap((rule, i) => validatePolicyRule(rule, namespaced, `rules[${i}]`));
}

/** The kinds a binding may refer to: Role or ClusterRole from a RoleBinding, only ClusterRole from a ClusterRoleBinding. */
export function validateRoleRef(ref: RoleRef | undefined, allowedKinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const apiGroup = ref?.apiGroup ?? '';
  if (apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const kind = ref?.kind ?? '';
  if (!allowedKinds.includes(kind)) errs.push(notSupported('roleRef.kind', kind, allowedKinds));
  const name = ref?.name ?? '';
  if (name === '') errs.push(required('roleRef.name'));
  else for (const msg of isValidPathSegmentName(name)) errs.push(invalid('roleRef.name', name, msg));
  return errs;
}

export function validateSubject(subject: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = subject.name ?? '';
  const apiGroup = subject.apiGroup ?? '';
  if (name === '') errs.push(required(child(path, 'name')));
  switch (subject.kind) {
    case 'ServiceAccount':
      if (name !== '') for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(child(path, 'name'), name, msg));
      if (apiGroup !== '') errs.push(notSupported(child(path, 'apiGroup'), apiGroup, ['']));
      if (!namespaced && !subject.namespace) errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (name === '') errs.push(invalid(child(path, 'name'), name, `${subject.kind.toLowerCase()} name cannot be empty`));
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, 'apiGroup'), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), subject.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** SetDefaults_Subject and SetDefaults_(Cluster)RoleBinding of rbac/v1. */
export function defaultBinding(binding: { subjects?: Subject[]; roleRef?: RoleRef }): void {
  binding.roleRef ??= {};
  if (!binding.roleRef.apiGroup) binding.roleRef.apiGroup = RBAC_GROUP;
  for (const subject of binding.subjects ?? []) {
    if (!subject.apiGroup && (subject.kind === 'User' || subject.kind === 'Group')) subject.apiGroup = RBAC_GROUP;
  }
}

/** roleRef never changes once a binding exists; upstream shows the new value as its internal Go struct. */
export function validateRoleRefUnchanged(ref: RoleRef | undefined, old: RoleRef | undefined): FieldError[] {
  const same = (ref?.apiGroup ?? '') === (old?.apiGroup ?? '') && (ref?.kind ?? '') === (old?.kind ?? '') && (ref?.name ?? '') === (old?.name ?? '');
  if (same) return [];
  const goValue = `rbac.RoleRef{APIGroup:${JSON.stringify(ref?.apiGroup ?? '')}, Kind:${JSON.stringify(ref?.kind ?? '')}, Name:${JSON.stringify(ref?.name ?? '')}}`;
  return [invalidGoValue('roleRef', goValue, 'cannot change roleRef')];
}
