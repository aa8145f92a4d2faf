import type { DaemonSetSpec, DaemonSetStatus } from '../../../schemas/apps/daemonset.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { invalid } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';
import {
  advanceTemplateGeneration,
  initTemplateGeneration,
  validateTemplateGeneration,
} from './daemonset-template-generation.js';
import { validateDaemonSetSpec, validateDaemonSetStatus } from './daemonset-validation.js';
import { setPodTemplateDefaults } from './pod-defaults.js';
import { semanticEqual } from './semantic-equal.js';

export interface DaemonSetObject extends KubeObject {
  spec?: DaemonSetSpec;
  status?: DaemonSetStatus;
}

/** apps/v1 writes these four without omitempty, so even a fresh DaemonSet shows them as 0. */
function withZeroCounters(status: DaemonSetStatus | undefined): DaemonSetStatus {
  return { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, ...status };
}

/**
 * apps/v1 DaemonSet (pkg/registry/apps/daemonset/strategy.go). The generic store already sets metadata.generation
 * to 1 on create and bumps it on spec changes, and copies status from the old object on update; what is left here
 * is DaemonSet's own: defaults, the template-generation annotation, and validation.
 */
export const daemonSetStrategy = defineStrategy<DaemonSetObject>({
  // SetDefaults_DaemonSet plus the nested pod-template defaults; spec and template are values (not pointers) in Go,
  // so they exist, defaulted, even when the client sent neither.
  applyDefaults(ds) {
    const spec = (ds.spec ??= {});
    setPodTemplateDefaults((spec.template ??= {}));
    const strategy = (spec.updateStrategy ??= {});
    strategy.type ||= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = (strategy.rollingUpdate ??= {});
      rollingUpdate.maxUnavailable ??= 1;
      rollingUpdate.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
  },

  prepareForCreate(ds) {
    ds.status = withZeroCounters(undefined);
    initTemplateGeneration(ds);
  },

  prepareForUpdate(ds, old) {
    advanceTemplateGeneration(ds, old, !semanticEqual(ds.spec?.template, old.spec?.template));
  },

  validate(ds) {
    return [...validateTemplateGeneration(ds), ...validateDaemonSetSpec(ds.spec ?? {})];
  },

  // apps/v1 freezes the selector (extensions/v1beta1 did not): pods already selected would otherwise be orphaned.
  validateUpdate(ds, old) {
    const selector = ds.spec?.selector;
    return semanticEqual(selector, old.spec?.selector) ? [] : [invalid('spec.selector', selector ?? null, 'field is immutable')];
  },

  prepareForStatusUpdate(ds) {
    ds.status = withZeroCounters(ds.status);
  },

  validateStatusUpdate(ds, old) {
    return validateDaemonSetStatus(ds.status ?? {}, old.status);
  },
});
