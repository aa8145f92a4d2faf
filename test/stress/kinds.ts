import { FIXTURES } from '../fixtures/objects.js';

/** A kind the load generator writes: where its objects live and how to make a valid one. */
export interface StressKind {
  key: string;
  /** Collection path in the stress namespace. */
  collection: string;
  make(name: string): Record<string, any>;
}

export const STRESS_NAMESPACE = 'default';

function kind(key: string, apiRoot: string): StressKind {
  const plural = key.split('.')[0];
  return {
    key,
    collection: `${apiRoot}/namespaces/${STRESS_NAMESPACE}/${plural}`,
    make: (name) => FIXTURES[key].make(name),
  };
}

/** Kinds whose objects go away at once on DELETE (no finalizers, no grace period while unbound). */
export const STRESS_KINDS: StressKind[] = [
  kind('configmaps', '/api/v1'),
  kind('secrets', '/api/v1'),
  kind('pods', '/api/v1'),
  kind('services', '/api/v1'),
  kind('deployments.apps', '/apis/apps/v1'),
  kind('leases.coordination.k8s.io', '/apis/coordination.k8s.io/v1'),
];
