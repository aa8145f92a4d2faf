import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROTO_PACKAGES } from '../../../schemas/proto/index.js';
import { isScalar, parseFieldSpec } from '../../../server/protobuf/field-spec.js';
import { mergeTables } from '../../../server/protobuf/merge-tables.js';

/** The protobuf field tables of schemas/proto, all of them at once: well formed, consistent, and right where checked. */
const packages = mergeTables(PROTO_PACKAGES);
const byAlias = new Map(packages.map((p) => [p.alias, p]));
const everyField = packages.flatMap((pkg) =>
  [...pkg.messages].flatMap(([message, fields]) => Object.entries(fields).map(([field, spec]) => ({ pkg, message, field, spec }))),
);

describe('protobuf field tables', () => {
  it('merge into packages with one alias and one apiVersion each, every message defined once', () => {
    assert.equal(new Set(packages.map((p) => p.alias)).size, packages.length);
    const listed = PROTO_PACKAGES.flatMap((t) => Object.keys(t.messages).map((m) => `${t.package}.${m}`));
    assert.equal(new Set(listed).size, listed.length, 'a message is defined in two tables');
  });

  it('list no XList message of a kind, which the codec synthesises', () => {
    const kindTables = PROTO_PACKAGES.filter((t) => t.apiVersion !== undefined);
    const lists = kindTables.flatMap((t) => Object.keys(t.messages)).filter((m) => m.endsWith('List'));
    assert.deepEqual(lists, []);
  });

  it('write every field spec in the grammar of schemas/proto/types.ts', () => {
    const bad = everyField.filter(({ pkg, message, field, spec }) => {
      try {
        parseFieldSpec(spec, `${pkg.alias}.${message}.${field}`);
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(bad.map((f) => `${f.pkg.alias}.${f.message}.${f.field}: ${f.spec}`), []);
  });

  it('number the fields of each message without repeats', () => {
    for (const pkg of packages) {
      for (const [message, fields] of pkg.messages) {
        const numbers = Object.entries(fields).map(([field, spec]) => parseFieldSpec(spec, field).id);
        assert.equal(new Set(numbers).size, numbers.length, `${pkg.alias}.${message} reuses a field number`);
      }
    }
  });

  it('name only messages some table defines', () => {
    const dangling = everyField.flatMap(({ pkg, message, field, spec }) => {
      const { type } = parseFieldSpec(spec, field);
      if (isScalar(type)) return [];
      const [alias, name] = type.includes('.') ? type.split('.') : [pkg.alias, type];
      return byAlias.get(alias)?.messages.has(name) ? [] : [`${pkg.alias}.${message}.${field} -> ${type}`];
    });
    assert.deepEqual(dangling, []);
  });

  it('put metadata first as ObjectMeta on every kind', () => {
    for (const { pkg, message, field, spec } of everyField) {
      if (field === 'metadata' && pkg.apiVersion !== undefined && !message.endsWith('List')) {
        assert.equal(spec, '1 meta.ObjectMeta', `${pkg.alias}.${message}`);
      }
    }
  });

  it('refuse specs outside the grammar, so the checks above can fail', () => {
    for (const spec of ['x string', '1 string[][]', '2 map<string,string>[]', '3 Pod Spec', '4 string?^']) {
      assert.throws(() => parseFieldSpec(spec, 'test'), /malformed|cannot be repeated/, spec);
    }
  });
});

/** Numbers read twice from upstream's generated.proto, and pointer-ness from types.go, where a slip is easy. */
const SPOT_CHECKS: [alias: string, message: string, field: string, spec: string][] = [
  ['core', 'Namespace', 'status', '3 NamespaceStatus'],
  ['core', 'NamespaceCondition', 'lastTransitionTime', '4 meta.Time'],
  ['core', 'ReplicationControllerSpec', 'replicas', '1 int32?'],
  ['core', 'ReplicationControllerSpec', 'minReadySeconds', '4 int32'],
  ['core', 'ReplicationControllerStatus', 'replicas', '1 int32?'],
  ['core', 'ReplicationControllerStatus', 'observedGeneration', '3 int64'],
  ['core', 'ReplicationControllerStatus', 'conditions', '6 ReplicationControllerCondition[]'],
  ['core', 'Event', 'eventTime', '10 meta.MicroTime'],
  ['core', 'Event', 'reportingComponent', '14 string'],
  ['core', 'Secret', 'data', '2 map<string,bytes>'],
  ['core', 'Secret', 'stringData', '4 map<string,string>'],
  ['core', 'Secret', 'immutable', '5 bool?'],
  ['core', 'ConfigMap', 'immutable', '4 bool?'],
  ['core', 'ServiceAccount', 'automountServiceAccountToken', '4 bool?'],
  ['core', 'LimitRangeItem', 'maxLimitRequestRatio', '6 map<string,resource.Quantity>'],
  ['core', 'NodeSpec', 'podCIDRs', '7 string[]'],
  ['core', 'NodeSpec', 'unschedulable', '4 bool'],
  ['core', 'NodeStatus', 'capacity', '1 map<string,resource.Quantity>'],
  ['core', 'NodeStatus', 'runtimeHandlers', '12 NodeRuntimeHandler[]'],
  ['core', 'NodeSystemInfo', 'swap', '11 NodeSwapStatus?'],
  ['core', 'NodeSwapStatus', 'capacity', '1 int64?'],
  ['core', 'DaemonEndpoint', 'Port', '1 int32'],
  ['core', 'Taint', 'timeAdded', '4 meta.Time?'],
  ['core', 'ServiceSpec', 'clusterIPs', '18 string[]'],
  ['core', 'ServiceSpec', 'healthCheckNodePort', '12 int32'],
  ['core', 'ServiceSpec', 'allocateLoadBalancerNodePorts', '20 bool?'],
  ['core', 'ServicePort', 'targetPort', '4 intstr.IntOrString'],
  ['core', 'ServicePort', 'appProtocol', '6 string?'],
  ['core', 'ClientIPConfig', 'timeoutSeconds', '1 int32?'],
  ['core', 'EndpointAddress', 'nodeName', '4 string?'],
  ['core', 'Pod', 'status', '3 PodStatus'],
  ['core', 'PodSpec', 'terminationGracePeriodSeconds', '4 int64?'],
  ['core', 'PodSpec', 'initContainers', '20 Container[]'],
  ['core', 'PodSpec', 'ephemeralContainers', '34 EphemeralContainer[]'],
  ['core', 'PodSpec', 'overhead', '32 map<string,resource.Quantity>'],
  ['core', 'PodSpec', 'workloadRef', '42 WorkloadReference?'],
  ['core', 'PodStatus', 'observedGeneration', '17 int64'],
  ['core', 'PodStatus', 'hostIPs', '16 HostIP[]'],
  ['core', 'PodCondition', 'observedGeneration', '7 int64'],
  ['core', 'Container', 'envFrom', '19 EnvFromSource[]'],
  ['core', 'Container', 'restartPolicy', '24 string?'],
  ['core', 'EphemeralContainer', 'ephemeralContainerCommon', '1 EphemeralContainerCommon^'],
  ['core', 'Probe', 'handler', '1 ProbeHandler^'],
  ['core', 'GRPCAction', 'service', '2 string?'],
  ['core', 'VolumeMount', 'recursiveReadOnly', '7 string?'],
  ['core', 'ConfigMapKeySelector', 'optional', '3 bool?'],
  ['core', 'ContainerStatus', 'started', '9 bool?'],
  ['core', 'ResourceHealth', 'message', '6 string?'],
  ['core', 'PodResourceClaim', 'resourceClaimName', '3 string?'],
  ['core', 'SecurityContext', 'ulimits', '13 Ulimit[]'],
  ['core', 'PodSecurityContext', 'supplementalGroupsPolicy', '12 string?'],
  ['core', 'TopologySpreadConstraint', 'minDomains', '5 int32?'],
  ['core', 'Volume', 'volumeSource', '2 VolumeSource^'],
  ['core', 'VolumeSource', 'portworxVolume', '24 PortworxVolumeSource?'],
  ['core', 'VolumeSource', 'projected', '26 ProjectedVolumeSource?'],
  ['core', 'VolumeSource', 'image', '30 ImageVolumeSource?'],
  ['core', 'HostPathVolumeSource', 'type', '2 string?'],
  ['core', 'ISCSIVolumeSource', 'secretRef', '10 LocalObjectReference?'],
  ['core', 'ISCSIVolumeSource', 'chapAuthSession', '11 bool'],
  ['core', 'ConfigMapVolumeSource', 'optional', '4 bool?'],
  ['core', 'SecretProjection', 'optional', '4 bool?'],
  ['core', 'ClusterTrustBundleProjection', 'optional', '5 bool?'],
  ['core', 'ServiceAccountTokenProjection', 'expirationSeconds', '2 int64?'],
  ['core', 'PersistentVolumeClaimSpec', 'selector', '4 meta.LabelSelector?'],
  ['core', 'PersistentVolumeClaimSpec', 'storageClassName', '5 string?'],
  ['core', 'PersistentVolumeClaimStatus', 'allocatedResourceStatuses', '7 map<string,string>'],
  ['core', 'VolumeResourceRequirements', 'requests', '2 map<string,resource.Quantity>'],
  ['apps', 'DeploymentCondition', 'lastUpdateTime', '6 meta.Time'],
  ['apps', 'DeploymentCondition', 'lastTransitionTime', '7 meta.Time'],
  ['apps', 'DeploymentSpec', 'replicas', '1 int32?'],
  ['apps', 'DeploymentSpec', 'minReadySeconds', '5 int32'],
  ['apps', 'DeploymentSpec', 'progressDeadlineSeconds', '9 int32?'],
  ['apps', 'DaemonSetSpec', 'revisionHistoryLimit', '6 int32?'],
  ['apps', 'DaemonSetStatus', 'conditions', '10 DaemonSetCondition[]'],
  ['apps', 'ReplicaSetStatus', 'observedGeneration', '3 int64'],
  ['apps', 'StatefulSetStatus', 'collisionCount', '9 int32?'],
  ['apps', 'StatefulSetSpec', 'volumeClaimTemplates', '4 core.PersistentVolumeClaim[]'],
  ['apps', 'ControllerRevision', 'data', '2 runtime.RawExtension'],
  ['batch', 'JobSpec', 'successPolicy', '16 SuccessPolicy?'],
  ['batch', 'JobSpec', 'podFailurePolicy', '11 PodFailurePolicy?'],
  ['batch', 'JobStatus', 'terminating', '11 int32?'],
  ['batch', 'CronJobSpec', 'timeZone', '8 string?'],
  ['batch', 'CronJobStatus', 'lastScheduleTime', '4 meta.Time?'],
  ['coordination', 'LeaseSpec', 'renewTime', '4 meta.MicroTime?'],
  ['events', 'Event', 'deprecatedCount', '15 int32'],
  ['policy', 'PodDisruptionBudgetStatus', 'disruptedPods', '2 map<string,meta.Time>'],
  ['policy', 'Eviction', 'deleteOptions', '2 meta.DeleteOptions?'],
  ['rbac', 'PolicyRule', 'nonResourceURLs', '5 string[]'],
  ['authorization', 'SubjectAccessReviewStatus', 'denied', '4 bool'],
  ['authorization', 'SubjectAccessReviewSpec', 'extra', '5 map<string,ExtraValue>'],
  ['meta', 'ObjectMeta', 'labels', '11 map<string,string>'],
  ['meta', 'ObjectMeta', 'deletionGracePeriodSeconds', '10 int64?'],
  ['meta', 'ObjectMeta', 'managedFields', '17 ManagedFieldsEntry[]'],
  ['meta', 'ObjectMeta', 'generation', '7 int64'],
  ['meta', 'OwnerReference', 'apiVersion', '5 string'],
  ['meta', 'OwnerReference', 'uid', '4 string'],
  ['meta', 'OwnerReference', 'controller', '6 bool?'],
  ['meta', 'ListMeta', 'remainingItemCount', '4 int64?'],
  ['meta', 'TypeMeta', 'kind', '1 string'],
  ['meta', 'Status', 'details', '5 StatusDetails?'],
  ['meta', 'StatusDetails', 'uid', '6 string'],
  ['meta', 'StatusCause', 'reason', '1 string'],
  ['meta', 'DeleteOptions', 'propagationPolicy', '4 string?'],
  ['meta', 'ListOptions', 'sendInitialEvents', '11 bool?'],
  ['meta', 'ListOptions', 'allowWatchBookmarks', '9 bool'],
  ['meta', 'PatchOptions', 'force', '2 bool?'],
  ['meta', 'UpdateOptions', 'fieldValidation', '3 string'],
  ['meta', 'APIResource', 'singularName', '6 string'],
  ['meta', 'APIResource', 'verbs', '4 Verbs'],
  ['meta', 'WatchEvent', 'object', '2 runtime.RawExtension'],
  ['meta', 'Condition', 'observedGeneration', '3 int64'],
  ['runtime', 'TypeMeta', 'apiVersion', '1 string'],
  ['runtime', 'Unknown', 'raw', '2 bytes'],
  ['runtime', 'Unknown', 'contentType', '4 string'],
  ['intstr', 'IntOrString', 'strVal', '3 string'],
  ['resource', 'Quantity', 'string', '1 string'],
];

describe('protobuf field tables carry upstream facts', () => {
  for (const [alias, message, field, spec] of SPOT_CHECKS) {
    it(`${alias}.${message}.${field} is '${spec}'`, () => assert.equal(byAlias.get(alias)?.messages.get(message)?.[field], spec));
  }
});
