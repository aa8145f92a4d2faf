import type { ProtoPackage } from './types.js';

/**
 * k8s.io.api.core.v1: where a pod may run — node and inter-pod (anti-)affinity, tolerations and topology spread.
 * NodeSelector and its terms are shared with PersistentVolume node affinity.
 */
export const coreV1Affinity: ProtoPackage = {
  package: 'k8s.io.api.core.v1',
  alias: 'core',
  apiVersion: 'v1',
  messages: {
    Affinity: {
      nodeAffinity: '1 NodeAffinity?',
      podAffinity: '2 PodAffinity?',
      podAntiAffinity: '3 PodAntiAffinity?',
    },
    NodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: '1 NodeSelector?',
      preferredDuringSchedulingIgnoredDuringExecution: '2 PreferredSchedulingTerm[]',
    },
    NodeSelector: { nodeSelectorTerms: '1 NodeSelectorTerm[]' },
    NodeSelectorTerm: { matchExpressions: '1 NodeSelectorRequirement[]', matchFields: '2 NodeSelectorRequirement[]' },
    NodeSelectorRequirement: { key: '1 string', operator: '2 string', values: '3 string[]' },
    PreferredSchedulingTerm: { weight: '1 int32', preference: '2 NodeSelectorTerm' },
    PodAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: '1 PodAffinityTerm[]',
      preferredDuringSchedulingIgnoredDuringExecution: '2 WeightedPodAffinityTerm[]',
    },
    PodAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: '1 PodAffinityTerm[]',
      preferredDuringSchedulingIgnoredDuringExecution: '2 WeightedPodAffinityTerm[]',
    },
    PodAffinityTerm: {
      labelSelector: '1 meta.LabelSelector?',
      namespaces: '2 string[]',
      topologyKey: '3 string',
      namespaceSelector: '4 meta.LabelSelector?',
      matchLabelKeys: '5 string[]',
      mismatchLabelKeys: '6 string[]',
    },
    WeightedPodAffinityTerm: { weight: '1 int32', podAffinityTerm: '2 PodAffinityTerm' },
    Toleration: {
      key: '1 string',
      operator: '2 string',
      value: '3 string',
      effect: '4 string',
      tolerationSeconds: '5 int64?',
    },
    TopologySpreadConstraint: {
      maxSkew: '1 int32',
      topologyKey: '2 string',
      whenUnsatisfiable: '3 string',
      labelSelector: '4 meta.LabelSelector?',
      minDomains: '5 int32?',
      nodeAffinityPolicy: '6 string?',
      nodeTaintsPolicy: '7 string?',
      matchLabelKeys: '8 string[]',
    },
  },
};
