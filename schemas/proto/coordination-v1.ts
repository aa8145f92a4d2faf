import type { ProtoPackage } from './types.js';

/** k8s.io.api.coordination.v1: Leases, which node heartbeats and leader election renew. */
export const coordinationV1: ProtoPackage = {
  package: 'k8s.io.api.coordination.v1',
  alias: 'coordination',
  apiVersion: 'coordination.k8s.io/v1',
  messages: {
    Lease: { metadata: '1 meta.ObjectMeta', spec: '2 LeaseSpec' },
    LeaseSpec: {
      holderIdentity: '1 string?',
      leaseDurationSeconds: '2 int32?',
      acquireTime: '3 meta.MicroTime?',
      renewTime: '4 meta.MicroTime?',
      leaseTransitions: '5 int32?',
      strategy: '6 string?',
      preferredHolder: '7 string?',
    },
  },
};
