import type { ProtoPackage } from './types.js';

/** k8s.io.api.policy.v1: the Eviction subresource body and the disruption budgets it honours. */
export const policyV1: ProtoPackage = {
  package: 'k8s.io.api.policy.v1',
  alias: 'policy',
  apiVersion: 'policy/v1',
  messages: {
    Eviction: { metadata: '1 meta.ObjectMeta', deleteOptions: '2 meta.DeleteOptions?' },
    PodDisruptionBudget: {
      metadata: '1 meta.ObjectMeta',
      spec: '2 PodDisruptionBudgetSpec',
      status: '3 PodDisruptionBudgetStatus',
    },
    PodDisruptionBudgetSpec: {
      minAvailable: '1 intstr.IntOrString?',
      selector: '2 meta.LabelSelector?',
      maxUnavailable: '3 intstr.IntOrString?',
      unhealthyPodEvictionPolicy: '4 string?',
    },
    PodDisruptionBudgetStatus: {
      observedGeneration: '1 int64',
      disruptedPods: '2 map<string,meta.Time>',
      disruptionsAllowed: '3 int32',
      currentHealthy: '4 int32',
      desiredHealthy: '5 int32',
      expectedPods: '6 int32',
      conditions: '7 meta.Condition[]',
    },
  },
};
