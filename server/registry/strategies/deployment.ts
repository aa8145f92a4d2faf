import type { DeploymentSpec, DeploymentStatus } from '../../../schemas/apps/deployment.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';
import { validateDeploymentSpec, validateDeploymentStatus } from './deployment-validation.js';
import { validateSelectorUnchanged } from './immutable-selector.js';
import { setPodTemplateDefaults } from './pod-defaults.js';
import { semanticEqual } from './semantic-equal.js';

export interface DeploymentObject extends KubeObject {
  spec?: DeploymentSpec;
  status?: DeploymentStatus;
}

/**
 * apps/v1 Deployment (pkg/registry/apps/deployment/strategy.go). The generic store sets generation 1 on create,
 * bumps it on spec changes and keeps status on main-resource writes; what is left here is the kind's own.
 */
export const deploymentStrategy = defineStrategy<DeploymentObject>({
  // SetDefaults_Deployment plus the pod-template defaults; template and strategy are values in Go, so they exist.
  applyDefaults(deployment) {
    const spec = (deployment.spec ??= {});
    setPodTemplateDefaults((spec.template ??= {}));
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {});
    strategy.type ||= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = (strategy.rollingUpdate ??= {});
      rollingUpdate.maxUnavailable ??= '25%';
      rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
  },

  prepareForCreate(deployment) {
    deployment.status = {};
  },

  // Annotations are copied to the deployment's ReplicaSets, so changing them is a change the controller must see.
  prepareForUpdate(deployment, old) {
    const meta = deployment.metadata;
    if (meta.generation === old.metadata.generation && !semanticEqual(meta.annotations, old.metadata.annotations)) {
      meta.generation = (old.metadata.generation ?? 0) + 1;
    }
  },

  validate(deployment) {
    return validateDeploymentSpec(deployment.spec ?? {});
  },

  validateUpdate: validateSelectorUnchanged,

  validateStatusUpdate(deployment, old) {
    return validateDeploymentStatus(deployment.status ?? {}, old.status);
  },
});
