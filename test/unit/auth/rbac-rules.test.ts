import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../schemas/meta.js';
import type { PolicyRule } from '../../../schemas/rbac/rbac.js';
import { requestAttributes } from '../../../server/auth/attributes.js';
import { ruleAllows } from '../../../server/auth/rbac-rules.js';
import { RbacAuthorizer } from '../../../server/auth/rbac-authorizer.js';
import type { BindingObject, ClusterRoleObject, RbacSource, RoleObject } from '../../../server/auth/rbac-source.js';
import type { UserInfo } from '../../../server/auth/user.js';

const alice: UserInfo = { name: 'alice', groups: ['dev', 'system:authenticated'] };
const at = (method: string, url: string, user = alice) => requestAttributes(user, method, url);

const cases: Array<{ name: string; rule: PolicyRule; method: string; url: string; allowed: boolean }> = [
  { name: 'exact verb, group and resource', rule: { verbs: ['list'], apiGroups: [''], resources: ['pods'] }, method: 'GET', url: '/api/v1/namespaces/default/pods', allowed: true },
  { name: 'another verb', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, method: 'GET', url: '/api/v1/namespaces/default/pods', allowed: false },
  { name: 'watch is its own verb', rule: { verbs: ['list'], apiGroups: [''], resources: ['pods'] }, method: 'GET', url: '/api/v1/pods?watch=true', allowed: false },
  { name: 'watch=1 also watches', rule: { verbs: ['watch'], apiGroups: [''], resources: ['pods'] }, method: 'GET', url: '/api/v1/pods?watch=1', allowed: true },
  { name: 'wildcard verb', rule: { verbs: ['*'], apiGroups: [''], resources: ['pods'] }, method: 'DELETE', url: '/api/v1/namespaces/a/pods', allowed: true },
  { name: 'another group', rule: { verbs: ['*'], apiGroups: [''], resources: ['deployments'] }, method: 'GET', url: '/apis/apps/v1/deployments', allowed: false },
  { name: 'wildcard group', rule: { verbs: ['*'], apiGroups: ['*'], resources: ['deployments'] }, method: 'GET', url: '/apis/apps/v1/deployments', allowed: true },
  { name: 'a subresource needs its own entry', rule: { verbs: ['update'], apiGroups: [''], resources: ['pods'] }, method: 'PUT', url: '/api/v1/namespaces/a/pods/p/status', allowed: false },
  { name: 'resource/subresource', rule: { verbs: ['update'], apiGroups: [''], resources: ['pods/status'] }, method: 'PUT', url: '/api/v1/namespaces/a/pods/p/status', allowed: true },
  { name: '*/subresource', rule: { verbs: ['update'], apiGroups: [''], resources: ['*/status'] }, method: 'PUT', url: '/api/v1/namespaces/a/pods/p/status', allowed: true },
  { name: '*/subresource does not match the resource', rule: { verbs: ['update'], apiGroups: [''], resources: ['*/status'] }, method: 'PUT', url: '/api/v1/namespaces/a/pods/p', allowed: false },
  { name: '* covers subresources', rule: { verbs: ['get'], apiGroups: ['*'], resources: ['*'] }, method: 'GET', url: '/apis/apps/v1/namespaces/a/deployments/d/scale', allowed: true },
  { name: 'resourceNames allow the named object', rule: { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['c1'] }, method: 'GET', url: '/api/v1/namespaces/a/configmaps/c1', allowed: true },
  { name: 'resourceNames refuse others', rule: { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['c1'] }, method: 'GET', url: '/api/v1/namespaces/a/configmaps/c2', allowed: false },
  { name: 'resourceNames refuse a plain list', rule: { verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['c1'] }, method: 'GET', url: '/api/v1/namespaces/a/configmaps', allowed: false },
  { name: 'resourceNames allow a list of one by field selector', rule: { verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['c1'] }, method: 'GET', url: '/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name%3Dc1', allowed: true },
  { name: 'delete of a collection is deletecollection', rule: { verbs: ['delete'], apiGroups: [''], resources: ['pods'] }, method: 'DELETE', url: '/api/v1/namespaces/a/pods', allowed: false },
  { name: 'a namespace is its own name', rule: { verbs: ['get'], apiGroups: [''], resources: ['namespaces'], resourceNames: ['a'] }, method: 'GET', url: '/api/v1/namespaces/a', allowed: true },
  { name: 'non-resource exact path', rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] }, method: 'GET', url: '/healthz?verbose', allowed: true },
  { name: 'non-resource prefix', rule: { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, method: 'GET', url: '/apis/apps/v1', allowed: true },
  { name: 'non-resource prefix needs the prefix', rule: { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, method: 'GET', url: '/apis', allowed: false },
  { name: 'non-resource verb is the method', rule: { verbs: ['get'], nonResourceURLs: ['*'] }, method: 'POST', url: '/metrics', allowed: false },
  { name: 'resource rules never match paths', rule: { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, method: 'GET', url: '/version', allowed: false },
  { name: 'path rules never match resources', rule: { verbs: ['*'], nonResourceURLs: ['*'] }, method: 'GET', url: '/api/v1/pods', allowed: false },
];

for (const c of cases) {
  test(`RuleAllows: ${c.name}`, () => {
    assert.equal(ruleAllows(at(c.method, c.url), c.rule), c.allowed);
  });
}

function source(objects: { roles?: RoleObject[]; clusterRoles?: ClusterRoleObject[]; bindings?: BindingObject[] }): RbacSource {
  const bindings = objects.bindings ?? [];
  return {
    clusterRoleBindings: () => bindings.filter((b) => !b.metadata.namespace),
    roleBindings: (ns) => bindings.filter((b) => b.metadata.namespace === ns),
    clusterRole: (name) => objects.clusterRoles?.find((r) => r.metadata.name === name),
    role: (ns, name) => objects.roles?.find((r) => r.metadata.namespace === ns && r.metadata.name === name),
  };
}

const meta = (name: string, namespace?: string): KubeObject['metadata'] => (namespace ? { name, namespace } : { name });
const reader: ClusterRoleObject = { metadata: meta('reader'), rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] };
const rbac = 'rbac.authorization.k8s.io';

test('RBAC: a ClusterRoleBinding applies everywhere, a RoleBinding only in its namespace', () => {
  const authorizer = new RbacAuthorizer(source({
    clusterRoles: [reader],
    roles: [{ metadata: meta('cm-writer', 'team'), rules: [{ verbs: ['create'], apiGroups: [''], resources: ['configmaps'] }] }],
    bindings: [
      { metadata: meta('devs-read'), roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'reader' }, subjects: [{ kind: 'Group', apiGroup: rbac, name: 'dev' }] },
      { metadata: meta('alice-cm', 'team'), roleRef: { apiGroup: rbac, kind: 'Role', name: 'cm-writer' }, subjects: [{ kind: 'User', apiGroup: rbac, name: 'alice' }] },
    ],
  }));
  assert.deepEqual(authorizer.authorize(at('GET', '/api/v1/pods')), {
    decision: 'Allow', reason: 'RBAC: allowed by ClusterRoleBinding "devs-read" of ClusterRole "reader" to Group "dev"',
  });
  assert.deepEqual(authorizer.authorize(at('POST', '/api/v1/namespaces/team/configmaps')), {
    decision: 'Allow', reason: 'RBAC: allowed by RoleBinding "alice-cm/team" of Role "cm-writer" to User "alice"',
  });
  assert.equal(authorizer.authorize(at('POST', '/api/v1/namespaces/other/configmaps')).decision, 'NoOpinion');
  assert.equal(authorizer.authorize(at('GET', '/api/v1/pods', { name: 'bob', groups: [] })).decision, 'NoOpinion');
});

test('RBAC: service account subjects default to the binding namespace; missing roles are the reason', () => {
  const sa: UserInfo = { name: 'system:serviceaccount:team:builder', groups: ['system:serviceaccounts'] };
  const authorizer = new RbacAuthorizer(source({
    clusterRoles: [reader],
    bindings: [
      { metadata: meta('sa', 'team'), roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'builder' }] },
      { metadata: meta('gone', 'team'), roleRef: { apiGroup: rbac, kind: 'Role', name: 'missing' }, subjects: [{ kind: 'User', apiGroup: rbac, name: 'alice' }] },
      { metadata: meta('gone-too'), roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'absent' }, subjects: [{ kind: 'User', apiGroup: rbac, name: 'alice' }] },
    ],
  }));
  assert.deepEqual(authorizer.authorize(at('GET', '/api/v1/namespaces/team/pods', sa)), {
    decision: 'Allow', reason: 'RBAC: allowed by RoleBinding "sa/team" of ClusterRole "reader" to ServiceAccount "builder/team"',
  });
  assert.equal(authorizer.authorize(at('GET', '/api/v1/namespaces/elsewhere/pods', sa)).decision, 'NoOpinion');
  assert.deepEqual(authorizer.authorize(at('GET', '/api/v1/namespaces/team/pods')), {
    decision: 'NoOpinion',
    reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "absent" not found, role.rbac.authorization.k8s.io "missing" not found]',
  });
  assert.deepEqual(authorizer.authorize(at('GET', '/api/v1/pods')), {
    decision: 'NoOpinion', reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "absent" not found',
  });
});
