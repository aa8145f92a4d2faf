import type { ReplicaSetSpec, ReplicaSetStatus } from '../../../schemas/apps/replicaset.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { validateSelectorUnchanged } from './immutable-selector.js';
import { setPodTemplateDefaults } from './pod-defaults.js';
import { validateReplicaSetSpec, validateReplicaSetStatus } from './replicaset-validation.js';

export interface ReplicaSetObject extends KubeObject {
  spec?: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}

/** apps/v1 writes status.replicas without omitempty, so even a fresh ReplicaSet shows it as 0. */
function withZeroReplicas(status: ReplicaSetStatus | undefined): ReplicaSetStatus {
  return { replicas: 0, ...status };
}

/**
 * apps/v1 ReplicaSet (pkg/registry/apps/replicaset/strategy.go). The generic store sets generation 1 on create,
 * bumps it on spec changes and keeps status on main-resource writes; what is left here is the kind's own.
 */
export const replicaSetStrategy = defineStrategy<ReplicaSetObject>({
  // SetDefaults_ReplicaSet plus the pod-template defaults; the template is a value in Go, so it always exists.
  applyDefaults(rs) {
    const spec = (rs.spec ??= {});
    setPodTemplateDefaults((spec.template ??= {}));
    spec.replicas ??= 1;
  },

  prepareForCreate(rs) {
    rs.status = withZeroReplicas(undefined);
  },

  validate(rs) {
    return validateReplicaSetSpec(rs.spec ?? {});
  },

  validateUpdate: validateSelectorUnchanged,

  prepareForStatusUpdate(rs) {
    rs.status = withZeroReplicas(rs.status);
  },

  validateStatusUpdate(rs) {
    return validateReplicaSetStatus(rs.status ?? {});
  },

  selectableFields: {
    'status.replicas': (rs) => String(rs.status?.replicas ?? 0),
  },
});
