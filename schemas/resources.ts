import { defineResource, ResourceTable, type ResourceDef } from '../server/registry/resource.js';
import { controllerRevisionStrategy } from '../server/registry/strategies/controllerrevision.js';
import { daemonSetStrategy } from '../server/registry/strategies/daemonset.js';
import { eventStrategy } from '../server/registry/strategies/event.js';
import { leaseStrategy } from '../server/registry/strategies/lease.js';
import { namespaceStrategy } from '../server/registry/strategies/namespace.js';
import { nodeStrategy } from '../server/registry/strategies/node.js';
import { podStrategy } from '../server/registry/strategies/pod.js';
import { replicationControllerStrategy } from '../server/registry/strategies/replicationcontroller.js';
import { secretStrategy } from '../server/registry/strategies/secret.js';
import { cronJobStrategy } from '../server/registry/strategies/cronjob.js';
import { priorityClassStrategy } from '../server/registry/strategies/priorityclass.js';
import { clusterRoleStrategy, roleStrategy } from '../server/registry/strategies/role.js';
import { clusterRoleBindingStrategy, roleBindingStrategy } from '../server/registry/strategies/rolebinding.js';
import { deploymentStrategy } from '../server/registry/strategies/deployment.js';
import { endpointsStrategy } from '../server/registry/strategies/endpoints.js';
import { jobStrategy } from '../server/registry/strategies/job.js';
import { limitRangeStrategy } from '../server/registry/strategies/limitrange.js';
import { replicaSetStrategy } from '../server/registry/strategies/replicaset.js';
import { resourceQuotaStrategy } from '../server/registry/strategies/resourcequota.js';
import { serviceStrategy } from '../server/registry/strategies/service.js';
import { serviceAccountStrategy } from '../server/registry/strategies/serviceaccount.js';
import { statefulSetStrategy } from '../server/registry/strategies/statefulset.js';
import { ControllerRevision } from './apps/controllerrevision.js';
import { DaemonSet } from './apps/daemonset.js';
import { Deployment } from './apps/deployment.js';
import { ReplicaSet } from './apps/replicaset.js';
import { StatefulSet } from './apps/statefulset.js';
import { Job } from './batch/job.js';
import { Endpoints } from './core/endpoints.js';
import { LimitRange } from './core/limitrange.js';
import { ResourceQuota } from './core/resourcequota.js';
import { Service } from './core/service.js';
import { ServiceAccount } from './core/serviceaccount.js';
import { Lease } from './coordination/lease.js';
import { Event } from './core/event.js';
import { Namespace } from './core/namespace.js';
import { Node } from './core/node.js';
import { Pod } from './core/pod.js';
import { ReplicationController } from './core/replicationcontroller.js';
import { SelfSubjectAccessReview } from './authorization/selfsubjectaccessreview.js';
import { CronJob } from './batch/cronjob.js';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './rbac/rbac.js';
import { PriorityClass } from './scheduling/priorityclass.js';
import { ConfigMap, EventsV1Event, Secret } from './generic.js';

/** Every kind mimikube serves, once. Routes, discovery, field selectors and (later) OpenAPI derive from it. */
export const RESOURCES: ResourceDef[] = [
  // core/v1
  defineResource({
    group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false,
    shortNames: ['ns'], subresources: ['status'], schema: Namespace, strategy: namespaceStrategy,
    // Upstream serves no deletecollection on namespaces: one request must not empty the cluster.
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  defineResource({
    group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false,
    shortNames: ['no'], subresources: ['status'], schema: Node, strategy: nodeStrategy,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true,
    shortNames: ['po'], categories: ['all'], subresources: ['status', 'binding', 'eviction'], schema: Pod, strategy: podStrategy,
    returnDeletedObject: true, gracefulDeletion: true,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller',
    kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], categories: ['all'], subresources: ['status', 'scale'],
    schema: ReplicationController, strategy: replicationControllerStrategy, tracksGeneration: true,
    defaultPropagation: 'Orphan',
  }),
  defineResource({
    group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true,
    shortNames: ['ev'], schema: Event, strategy: eventStrategy, allowCreateOnUpdate: true,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true,
    shortNames: ['cm'], schema: ConfigMap,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true,
    schema: Secret, strategy: secretStrategy,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', namespaced: true,
    shortNames: ['svc'], categories: ['all'], subresources: ['status'], schema: Service, strategy: serviceStrategy,
    allowCreateOnUpdate: true,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount',
    namespaced: true, shortNames: ['sa'], schema: ServiceAccount, strategy: serviceAccountStrategy,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true,
    shortNames: ['ep'], schema: Endpoints, strategy: endpointsStrategy, allowCreateOnUpdate: true,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota',
    namespaced: true, shortNames: ['quota'], subresources: ['status'], schema: ResourceQuota, strategy: resourceQuotaStrategy,
  }),
  defineResource({
    group: '', version: 'v1', resource: 'limitranges', singular: 'limitrange', kind: 'LimitRange', namespaced: true,
    shortNames: ['limits'], schema: LimitRange, strategy: limitRangeStrategy,
  }),
  // apps/v1
  defineResource({
    group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true,
    shortNames: ['ds'], categories: ['all'], subresources: ['status'], schema: DaemonSet, strategy: daemonSetStrategy,
    tracksGeneration: true,
  }),
  defineResource({
    group: 'apps', version: 'v1', resource: 'controllerrevisions', singular: 'controllerrevision',
    kind: 'ControllerRevision', namespaced: true, schema: ControllerRevision, strategy: controllerRevisionStrategy,
  }),
  defineResource({
    group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true,
    shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'], schema: Deployment,
    strategy: deploymentStrategy, tracksGeneration: true,
  }),
  defineResource({
    group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true,
    shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'], schema: ReplicaSet,
    strategy: replicaSetStrategy, tracksGeneration: true,
  }),
  defineResource({
    group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet',
    namespaced: true, shortNames: ['sts'], categories: ['all'], subresources: ['status', 'scale'], schema: StatefulSet,
    strategy: statefulSetStrategy, tracksGeneration: true,
  }),
  // batch/v1
  defineResource({
    group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', kind: 'Job', namespaced: true,
    categories: ['all'], subresources: ['status'], schema: Job, strategy: jobStrategy, tracksGeneration: true,
    // batch/v1 orphans a job's pods by default, for compatibility with its first release.
    defaultPropagation: 'Orphan',
  }),
  defineResource({
    group: 'batch', version: 'v1', resource: 'cronjobs', singular: 'cronjob', kind: 'CronJob', namespaced: true,
    shortNames: ['cj'], categories: ['all'], subresources: ['status'], schema: CronJob, strategy: cronJobStrategy,
    tracksGeneration: true,
  }),
  // coordination.k8s.io/v1
  defineResource({
    group: 'coordination.k8s.io', version: 'v1', resource: 'leases', singular: 'lease', kind: 'Lease',
    namespaced: true, schema: Lease, strategy: leaseStrategy, allowCreateOnUpdate: true,
  }),
  // events.k8s.io/v1
  defineResource({
    group: 'events.k8s.io', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true,
    shortNames: ['ev'], schema: EventsV1Event, allowCreateOnUpdate: true,
  }),
  // rbac.authorization.k8s.io/v1
  defineResource({
    group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', singular: 'role', kind: 'Role',
    namespaced: true, schema: Role, strategy: roleStrategy,
  }),
  defineResource({
    group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', singular: 'rolebinding',
    kind: 'RoleBinding', namespaced: true, schema: RoleBinding, strategy: roleBindingStrategy,
  }),
  defineResource({
    group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', singular: 'clusterrole',
    kind: 'ClusterRole', namespaced: false, schema: ClusterRole, strategy: clusterRoleStrategy,
  }),
  defineResource({
    group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', singular: 'clusterrolebinding',
    kind: 'ClusterRoleBinding', namespaced: false, schema: ClusterRoleBinding, strategy: clusterRoleBindingStrategy,
  }),
  // scheduling.k8s.io/v1
  defineResource({
    group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', singular: 'priorityclass',
    kind: 'PriorityClass', namespaced: false, shortNames: ['pc'], schema: PriorityClass, strategy: priorityClassStrategy,
  }),
];

/**
 * Kinds that are never stored: a create is answered at once (server/auth/access-review.ts serves it) and nothing
 * else is allowed. They are in the table for discovery and OpenAPI, but not in RESOURCES, whose rows all store.
 */
export const REVIEW_RESOURCES: ResourceDef[] = [
  defineResource({
    group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview', namespaced: false,
    schema: SelfSubjectAccessReview, verbs: ['create'],
  }),
];

export function resourceTable(): ResourceTable {
  return new ResourceTable([...RESOURCES, ...REVIEW_RESOURCES]);
}
