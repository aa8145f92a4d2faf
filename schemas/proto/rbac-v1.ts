import type { ProtoPackage } from './types.js';

/** k8s.io.api.rbac.v1: roles, their bindings and the rules they grant. */
export const rbacV1: ProtoPackage = {
  package: 'k8s.io.api.rbac.v1',
  alias: 'rbac',
  apiVersion: 'rbac.authorization.k8s.io/v1',
  messages: {
    Role: { metadata: '1 meta.ObjectMeta', rules: '2 PolicyRule[]' },
    ClusterRole: { metadata: '1 meta.ObjectMeta', rules: '2 PolicyRule[]', aggregationRule: '3 AggregationRule?' },
    AggregationRule: { clusterRoleSelectors: '1 meta.LabelSelector[]' },
    PolicyRule: {
      verbs: '1 string[]',
      apiGroups: '2 string[]',
      resources: '3 string[]',
      resourceNames: '4 string[]',
      nonResourceURLs: '5 string[]',
    },
    RoleBinding: { metadata: '1 meta.ObjectMeta', subjects: '2 Subject[]', roleRef: '3 RoleRef' },
    ClusterRoleBinding: { metadata: '1 meta.ObjectMeta', subjects: '2 Subject[]', roleRef: '3 RoleRef' },
    RoleRef: { apiGroup: '1 string', kind: '2 string', name: '3 string' },
    Subject: { kind: '1 string', apiGroup: '2 string', name: '3 string', namespace: '4 string' },
  },
};
