/** Definition names and operation naming as upstream's OpenAPI generator spells them. */

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const TIME = `${META}.Time`;
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Groups whose Go types live outside k8s.io/api, so their definitions carry another package path. */
const PACKAGE_EXCEPTIONS: Record<string, string> = {
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  'internal.apiserver.k8s.io': 'io.k8s.api.apiserverinternal',
};

/** The definition-name prefix of a group-version's types: `apps` v1 → `io.k8s.api.apps.v1`, core → `io.k8s.api.core.v1`. */
export function apiPackage(group: string, version: string): string {
  const base = PACKAGE_EXCEPTIONS[group] ?? `io.k8s.api.${group === '' ? 'core' : group.split('.')[0]}`;
  return `${base}.${version}`;
}

export function kindDefinition(gvk: GroupVersionKind): string {
  return `${apiPackage(gvk.group, gvk.version)}.${gvk.kind}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The group part of operation ids: `rbac.authorization.k8s.io` → `RbacAuthorization`, core → `Core`. */
function groupTitle(group: string): string {
  if (group === '') return 'Core';
  return group.replace(/\.k8s\.io$/, '').split('.').map(capitalize).join('');
}

/** `AppsV1`, `CoreV1`, `CoordinationV1`: the infix of every operation id in a group-version. */
export function operationInfix(group: string, version: string): string {
  return `${groupTitle(group)}${capitalize(version)}`;
}

/** The operation tag: `apps_v1`, `core_v1`, `rbacAuthorization_v1`. */
export function operationTag(group: string, version: string): string {
  const title = groupTitle(group);
  return `${title.charAt(0).toLowerCase()}${title.slice(1)}_${version}`;
}

/** The article upstream's route documentation puts before a kind: none for plurals (`Endpoints`), `an` before vowels. */
export function article(kind: string): string {
  if (kind.endsWith('s') && !kind.endsWith('ss')) return ' ';
  return /^[aeiou]/i.test(kind) ? ' an ' : ' a ';
}
