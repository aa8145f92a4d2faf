import type { ProtoPackage } from './types.js';

/** k8s.io.api.scheduling.v1: PriorityClass. */
export const schedulingV1: ProtoPackage = {
  package: 'k8s.io.api.scheduling.v1',
  alias: 'scheduling',
  apiVersion: 'scheduling.k8s.io/v1',
  messages: {
    PriorityClass: {
      metadata: '1 meta.ObjectMeta',
      value: '2 int32',
      globalDefault: '3 bool',
      description: '4 string',
      preemptionPolicy: '5 string?',
    },
  },
};
