import type { ProtoPackage } from './types.js';

/** k8s.io.api.autoscaling.v1: the Scale subresource body. */
export const autoscalingV1: ProtoPackage = {
  package: 'k8s.io.api.autoscaling.v1',
  alias: 'autoscaling',
  apiVersion: 'autoscaling/v1',
  messages: {
    Scale: { metadata: '1 meta.ObjectMeta', spec: '2 ScaleSpec', status: '3 ScaleStatus' },
    ScaleSpec: { replicas: '1 int32' },
    ScaleStatus: { replicas: '1 int32', selector: '2 string' },
  },
};
