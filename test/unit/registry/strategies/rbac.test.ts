import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../schemas/meta.js';
import { clusterRoleStrategy, roleStrategy } from '../../../../server/registry/strategies/role.js';
import { clusterRoleBindingStrategy, roleBindingStrategy } from '../../../../server/registry/strategies/rolebinding.js';
import { created, runCreate, runUpdate } from './strategy-harness.js';

const rbac = 'rbac.authorization.k8s.io';
const role = (rules: unknown[]): KubeObject => ({ apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name: 'r', namespace: 'ns' }, rules } as KubeObject);
const binding = (roleRef: unknown, subjects: unknown[] = []): KubeObject =>
  ({ apiVersion: `${rbac}/v1`, kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, roleRef, subjects } as KubeObject);

test('policy rules: verbs, groups and resources required; URLs only in cluster roles and never mixed', () => {
  const cases: Array<{ rules: unknown[]; role: string[]; clusterRole: string[] }> = [
    { rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }], role: [], clusterRole: [] },
    {
      rules: [{ apiGroups: [''], resources: ['pods'] }],
      role: ['rules[0].verbs: Required value: verbs must contain at least one value'],
      clusterRole: ['rules[0].verbs: Required value: verbs must contain at least one value'],
    },
    {
      rules: [{ verbs: ['get'] }],
      role: ['rules[0].apiGroups: Required value: resource rules must supply at least one api group', 'rules[0].resources: Required value: resource rules must supply at least one resource'],
      clusterRole: ['rules[0].apiGroups: Required value: resource rules must supply at least one api group', 'rules[0].resources: Required value: resource rules must supply at least one resource'],
    },
    {
      rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods', 'secrets'], resourceNames: ['x'] }],
      role: ['rules[0].resourceNames: Required value: resource names cannot apply to multiple resources'],
      clusterRole: ['rules[0].resourceNames: Required value: resource names cannot apply to multiple resources'],
    },
    {
      rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/version'] }],
      role: ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz", "/version"}: namespaced rules cannot apply to non-resource URLs'],
      clusterRole: [],
    },
    {
      rules: [{ verbs: ['get'], nonResourceURLs: ['/x'], resources: ['pods'] }],
      role: [
        'rules[0].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs',
        'rules[0].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs',
      ],
      clusterRole: ['rules[0].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(roleStrategy, role(c.rules)).errors, c.role, JSON.stringify(c.rules));
    assert.deepEqual(runCreate(clusterRoleStrategy, { ...role(c.rules), kind: 'ClusterRole', metadata: { name: 'r' } }).errors, c.clusterRole);
  }
  assert.equal(roleStrategy.nameRule, 'path-segment');
});

test('bindings: roleRef and subject checks with upstream wording; api groups are defaulted', () => {
  const ok = runCreate(roleBindingStrategy, binding({ kind: 'Role', name: 'r' }, [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'sa' }]));
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.obj.roleRef, { kind: 'Role', name: 'r', apiGroup: rbac });
  assert.deepEqual(ok.obj.subjects, [{ kind: 'User', name: 'alice', apiGroup: rbac }, { kind: 'ServiceAccount', name: 'sa' }]);
  assert.deepEqual(runCreate(roleBindingStrategy, binding({ apiGroup: 'x', kind: 'Pod', name: '' }, [
    { kind: 'Robot', name: 'r2' },
    { kind: 'ServiceAccount', name: 'Bad_Name', apiGroup: rbac },
    { kind: 'Group', name: '' },
  ])).errors, [
    'roleRef.apiGroup: Unsupported value: "x": supported values: "rbac.authorization.k8s.io"',
    'roleRef.kind: Unsupported value: "Pod": supported values: "Role", "ClusterRole"',
    'roleRef.name: Required value',
    'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    "subjects[1].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    'subjects[1].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""',
    'subjects[2].name: Required value',
    'subjects[2].name: Invalid value: "": group name cannot be empty',
  ]);
  const cluster = { ...binding({ kind: 'Role', name: 'r' }, [{ kind: 'ServiceAccount', name: 'sa' }]), kind: 'ClusterRoleBinding', metadata: { name: 'b' } };
  assert.deepEqual(runCreate(clusterRoleBindingStrategy, cluster).errors, [
    'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    'subjects[0].namespace: Required value',
  ]);
});

test('a binding keeps its roleRef: a change is a 422 naming the new ref; subjects may change', () => {
  const old = created(roleBindingStrategy, binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'a' }]));
  assert.deepEqual(runUpdate(roleBindingStrategy, old, binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'User', name: 'b' }])).errors, []);
  assert.deepEqual(runUpdate(roleBindingStrategy, old, binding({ kind: 'ClusterRole', name: 'edit' })).errors, [
    'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
  ]);
  const oldCluster = created(clusterRoleBindingStrategy, { ...binding({ kind: 'ClusterRole', name: 'view' }), kind: 'ClusterRoleBinding', metadata: { name: 'b' } });
  assert.equal(runUpdate(clusterRoleBindingStrategy, oldCluster, { ...oldCluster, roleRef: { kind: 'ClusterRole', name: 'admin' } } as KubeObject).errors.length, 1);
});
