import type { ProtoPackage } from './types.js';

/**
 * k8s.io.api.core.v1: the namespaced and cluster kinds other than Pod, Node and Service — Namespace,
 * ReplicationController, Event, ConfigMap, Secret, ServiceAccount, ResourceQuota, LimitRange, Binding — and the
 * ObjectReference they share.
 *
 * Nodes live in core-v1-node.ts, Services and Endpoints in core-v1-service.ts; PodTemplateSpec and
 * LocalObjectReference belong to the pod tables. The codec merges every table of the package.
 */
export const coreV1Objects: ProtoPackage = {
  package: 'k8s.io.api.core.v1',
  alias: 'core',
  apiVersion: 'v1',
  messages: {
    ObjectReference: {
      kind: '1 string',
      namespace: '2 string',
      name: '3 string',
      uid: '4 string',
      apiVersion: '5 string',
      resourceVersion: '6 string',
      fieldPath: '7 string',
    },
    Binding: { metadata: '1 meta.ObjectMeta', target: '2 ObjectReference' },

    Namespace: { metadata: '1 meta.ObjectMeta', spec: '2 NamespaceSpec', status: '3 NamespaceStatus' },
    NamespaceSpec: { finalizers: '1 string[]' },
    NamespaceStatus: { phase: '1 string', conditions: '2 NamespaceCondition[]' },
    NamespaceCondition: {
      type: '1 string',
      status: '2 string',
      lastTransitionTime: '4 meta.Time',
      reason: '5 string',
      message: '6 string',
    },

    ReplicationController: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 ReplicationControllerSpec',
      status: '3 ReplicationControllerStatus',
    },
    ReplicationControllerSpec: {
      replicas: '1 int32?',
      selector: '2 map<string,string>',
      template: '3 PodTemplateSpec?',
      minReadySeconds: '4 int32',
    },
    ReplicationControllerStatus: {
      replicas: '1 int32?',
      fullyLabeledReplicas: '2 int32',
      observedGeneration: '3 int64',
      readyReplicas: '4 int32',
      availableReplicas: '5 int32',
      conditions: '6 ReplicationControllerCondition[]',
    },
    ReplicationControllerCondition: {
      type: '1 string',
      status: '2 string',
      lastTransitionTime: '3 meta.Time',
      reason: '4 string',
      message: '5 string',
    },

    Event: {
      metadata: '1 meta.ObjectMeta',
      involvedObject: '2 ObjectReference',
      reason: '3 string',
      message: '4 string',
      source: '5 EventSource',
      firstTimestamp: '6 meta.Time',
      lastTimestamp: '7 meta.Time',
      count: '8 int32',
      type: '9 string',
      eventTime: '10 meta.MicroTime',
      series: '11 EventSeries?',
      action: '12 string',
      related: '13 ObjectReference?',
      reportingComponent: '14 string',
      reportingInstance: '15 string',
    },
    EventSource: { component: '1 string', host: '2 string' },
    EventSeries: { count: '1 int32', lastObservedTime: '2 meta.MicroTime' },

    ConfigMap: {
      metadata: '1 meta.ObjectMeta',
      data: '2 map<string,string>',
      binaryData: '3 map<string,bytes>',
      immutable: '4 bool?',
    },
    Secret: {
      metadata: '1 meta.ObjectMeta',
      data: '2 map<string,bytes>',
      type: '3 string',
      stringData: '4 map<string,string>',
      immutable: '5 bool?',
    },
    ServiceAccount: {
      metadata: '1 meta.ObjectMeta',
      secrets: '2 ObjectReference[]',
      imagePullSecrets: '3 LocalObjectReference[]',
      automountServiceAccountToken: '4 bool?',
    },

    ResourceQuota: { metadata: '1 meta.ObjectMeta', spec: '2 ResourceQuotaSpec', status: '3 ResourceQuotaStatus' },
    ResourceQuotaSpec: {
      hard: '1 map<string,resource.Quantity>',
      scopes: '2 string[]',
      scopeSelector: '3 ScopeSelector?',
    },
    ResourceQuotaStatus: { hard: '1 map<string,resource.Quantity>', used: '2 map<string,resource.Quantity>' },
    ScopeSelector: { matchExpressions: '1 ScopedResourceSelectorRequirement[]' },
    ScopedResourceSelectorRequirement: { scopeName: '1 string', operator: '2 string', values: '3 string[]' },

    LimitRange: { metadata: '1 meta.ObjectMeta', spec: '2 LimitRangeSpec' },
    LimitRangeSpec: { limits: '1 LimitRangeItem[]' },
    LimitRangeItem: {
      type: '1 string',
      max: '2 map<string,resource.Quantity>',
      min: '3 map<string,resource.Quantity>',
      default: '4 map<string,resource.Quantity>',
      defaultRequest: '5 map<string,resource.Quantity>',
      maxLimitRequestRatio: '6 map<string,resource.Quantity>',
    },
  },
};
