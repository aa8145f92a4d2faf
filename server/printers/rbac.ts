import type { KubeObject } from '../../schemas/meta.js';
import type { RoleBinding } from '../../schemas/rbac/rbac.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { list } from './format.js';
import { definePrinter, type Printer } from './printer.js';

type BindingObject = RoleBinding & KubeObject;

const ROLE_BINDING_REF =
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef ' +
  'cannot be resolved, the Authorizer must return an error. This field is immutable.';
const CLUSTER_ROLE_BINDING_REF =
  'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the ' +
  'Authorizer must return an error. This field is immutable.';

/** rbac.SubjectsStrings: user names, group names and `namespace/name` of service accounts, each joined by ", ". */
function subjectCells(binding: BindingObject): string[] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of list(binding.subjects)) {
    if (subject.kind === 'User') users.push(subject.name ?? '');
    else if (subject.kind === 'Group') groups.push(subject.name ?? '');
    else if (subject.kind === 'ServiceAccount') serviceAccounts.push(`${subject.namespace ?? ''}/${subject.name ?? ''}`);
  }
  return [users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

/** printRoleBinding and printClusterRoleBinding: the role as `Kind/name`, subjects only with -o wide. */
function bindingPrinter(roleRefDoc: string, holder: string): Printer {
  return definePrinter<BindingObject>({
    columns: [
      NAME_COLUMN,
      column('Role', 'string', roleRefDoc),
      AGE_COLUMN,
      column('Users', 'string', `Users in the ${holder}`, 1),
      column('Groups', 'string', `Groups in the ${holder}`, 1),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${holder}`, 1),
    ],
    cells(binding, now) {
      return [
        binding.metadata.name ?? '',
        `${binding.roleRef?.kind ?? ''}/${binding.roleRef?.name ?? ''}`,
        translateTimestampSince(binding.metadata.creationTimestamp, now),
        ...subjectCells(binding),
      ];
    },
  });
}

export const roleBindingPrinter = bindingPrinter(ROLE_BINDING_REF, 'roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter(CLUSTER_ROLE_BINDING_REF, 'clusterRoleBinding');
