import type { StatefulSetSpec, StatefulSetStatus } from '../../../schemas/apps/statefulset.js';
import type { PersistentVolumeClaim } from '../../../schemas/core/persistentvolumeclaim.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { forbidden } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';
import { validateCollisionCount } from './deployment-validation.js';
import { setPodTemplateDefaults } from './pod-defaults.js';
import { semanticEqual } from './semantic-equal.js';
import {
  STATEFULSET_FORBIDDEN_UPDATE,
  STATEFULSET_MUTABLE_FIELDS,
  validateStatefulSetSpec,
  validateStatefulSetStatus,
} from './statefulset-validation.js';

export interface StatefulSetObject extends KubeObject {
  spec?: StatefulSetSpec;
  status?: StatefulSetStatus;
}

/** apps/v1 writes replicas and availableReplicas without omitempty, so even a fresh StatefulSet shows them as 0. */
function withZeroCounters(status: StatefulSetStatus | undefined): StatefulSetStatus {
  return { replicas: 0, availableReplicas: 0, ...status };
}

/**
 * SetDefaults_PersistentVolumeClaim(Spec), and what apps/v1 conversion adds: each template is written as a whole
 * v1 PersistentVolumeClaim, with its type metadata and a null creationTimestamp.
 */
function setClaimTemplateDefaults(claim: PersistentVolumeClaim): void {
  claim.apiVersion = 'v1';
  claim.kind = 'PersistentVolumeClaim';
  const meta = (claim.metadata ??= {});
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  (claim.spec ??= {}).volumeMode ??= 'Filesystem';
  (claim.status ??= {}).phase ||= 'Pending';
}

/** The alpha maxUnavailable (MaxUnavailableStatefulSet, off in v1.32) is dropped unless the old object used it. */
function dropDisabledFields(sts: StatefulSetObject, old: StatefulSetObject | undefined): void {
  const rollingUpdate = sts.spec?.updateStrategy?.rollingUpdate;
  if (rollingUpdate && old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable === undefined) {
    delete rollingUpdate.maxUnavailable;
  }
}

function frozenSpec(spec: StatefulSetSpec | undefined): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...spec };
  for (const field of STATEFULSET_MUTABLE_FIELDS) delete rest[field];
  return rest;
}

/**
 * apps/v1 StatefulSet (pkg/registry/apps/statefulset/strategy.go). The generic store sets generation 1 on create,
 * bumps it on spec changes and keeps status on main-resource writes; what is left here is the kind's own.
 */
export const statefulSetStrategy = defineStrategy<StatefulSetObject>({
  // SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on in v1.32) plus the pod-template and claim defaults.
  applyDefaults(sts) {
    const spec = (sts.spec ??= {});
    setPodTemplateDefaults((spec.template ??= {}));
    spec.podManagementPolicy ||= 'OrderedReady';
    const strategy = (spec.updateStrategy ??= {});
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      strategy.rollingUpdate ??= {};
    }
    if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
    const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
    retention.whenDeleted ||= 'Retain';
    retention.whenScaled ||= 'Retain';
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    for (const claim of spec.volumeClaimTemplates ?? []) setClaimTemplateDefaults(claim);
  },

  prepareForCreate(sts) {
    sts.status = withZeroCounters(undefined);
    dropDisabledFields(sts, undefined);
  },

  prepareForUpdate(sts, old) {
    dropDisabledFields(sts, old);
  },

  validate(sts) {
    return validateStatefulSetSpec(sts.spec ?? {});
  },

  validateUpdate(sts, old) {
    return semanticEqual(frozenSpec(sts.spec), frozenSpec(old.spec)) ? [] : [forbidden('spec', STATEFULSET_FORBIDDEN_UPDATE)];
  },

  prepareForStatusUpdate(sts) {
    sts.status = withZeroCounters(sts.status);
  },

  validateStatusUpdate(sts, old) {
    return [
      ...validateStatefulSetStatus(sts.status ?? {}),
      ...validateCollisionCount(sts.status?.collisionCount, old.status?.collisionCount),
    ];
  },

  // The name becomes the pods' hostnames, which must be DNS labels.
  nameRule: 'label',
});
