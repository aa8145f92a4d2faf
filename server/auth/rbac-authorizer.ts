import type { PolicyRule, RoleRef, Subject } from '../../schemas/rbac/rbac.js';
import type { Attributes } from './attributes.js';
import type { Authorizer } from './authorizer.js';
import { ruleAllows } from './rbac-rules.js';
import type { BindingObject, RbacSource } from './rbac-source.js';
import { serviceAccountUsername, type UserInfo } from './user.js';

function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name ?? '');
    case 'ServiceAccount': {
      // A RoleBinding's service account defaults to the binding's namespace.
      const saNamespace = subject.namespace || namespace;
      return saNamespace !== '' && user.name === serviceAccountUsername(saNamespace, subject.name ?? '');
    }
    default:
      return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    return `${subject.kind} ${JSON.stringify(`${subject.name ?? ''}/${subject.namespace || bindingNamespace}`)}`;
  }
  return `${subject.kind ?? ''} ${JSON.stringify(subject.name ?? '')}`;
}

function describeBinding(binding: BindingObject, subject: Subject): string {
  const ref = binding.roleRef ?? {};
  const namespace = binding.metadata.namespace ?? '';
  const name = namespace ? `${binding.metadata.name}/${namespace}` : binding.metadata.name ?? '';
  const kind = namespace ? 'RoleBinding' : 'ClusterRoleBinding';
  return `${kind} ${JSON.stringify(name)} of ${ref.kind ?? ''} ${JSON.stringify(ref.name ?? '')} to ${describeSubject(subject, namespace)}`;
}

/**
 * Upstream's RBAC authorizer: the rules of every ClusterRoleBinding naming the user, then, for a namespaced
 * request, of every RoleBinding in that namespace. The first rule that allows decides; bindings whose role is
 * missing are reported in the reason of a refusal (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`).
 */
export class RbacAuthorizer implements Authorizer {
  constructor(private readonly source: RbacSource) {}

  authorize(attributes: Attributes) {
    const errors: string[] = [];
    const visit = (bindings: readonly BindingObject[], namespace: string): string | undefined => {
      for (const binding of bindings) {
        const subject = (binding.subjects ?? []).find((s) => appliesToUser(attributes.user, s, namespace));
        if (!subject) continue;
        const rules = this.rulesOf(binding.roleRef ?? {}, namespace);
        if (typeof rules === 'string') {
          errors.push(rules);
          continue;
        }
        if (rules.some((rule) => ruleAllows(attributes, rule))) return `RBAC: allowed by ${describeBinding(binding, subject)}`;
      }
      return undefined;
    };
    const allowed = visit(this.source.clusterRoleBindings(), '') ??
      (attributes.namespace ? visit(this.source.roleBindings(attributes.namespace), attributes.namespace) : undefined);
    if (allowed) return { decision: 'Allow' as const, reason: allowed };
    const aggregate = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    return { decision: 'NoOpinion' as const, reason: errors.length > 0 ? `RBAC: ${aggregate}` : '' };
  }

  /** The rules a roleRef points at, or the lister's not-found message. */
  private rulesOf(ref: RoleRef, bindingNamespace: string): PolicyRule[] | string {
    const name = ref.name ?? '';
    if (ref.kind === 'Role') {
      const role = this.source.role(bindingNamespace, name);
      return role ? (role.rules ?? []) : `role.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`;
    }
    if (ref.kind === 'ClusterRole') {
      const role = this.source.clusterRole(name);
      return role ? (role.rules ?? []) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`;
    }
    return `unsupported role reference kind: ${JSON.stringify(ref.kind ?? '')}`;
  }
}
