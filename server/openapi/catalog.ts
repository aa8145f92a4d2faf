import { Kind, type TSchema } from '@sinclair/typebox';
import * as meta from '../../schemas/meta.js';
import * as podTypes from '../../schemas/core/pod.js';
import * as nodeTypes from '../../schemas/core/node.js';
import * as namespaceTypes from '../../schemas/core/namespace.js';
import * as eventTypes from '../../schemas/core/event.js';
import * as rcTypes from '../../schemas/core/replicationcontroller.js';
import * as referenceTypes from '../../schemas/core/object-reference.js';
import * as daemonSetTypes from '../../schemas/apps/daemonset.js';
import * as revisionTypes from '../../schemas/apps/controllerrevision.js';
import * as deploymentTypes from '../../schemas/apps/deployment.js';
import * as replicaSetTypes from '../../schemas/apps/replicaset.js';
import * as statefulSetTypes from '../../schemas/apps/statefulset.js';
import * as reviewTypes from '../../schemas/authorization/selfsubjectaccessreview.js';
import * as cronJobTypes from '../../schemas/batch/cronjob.js';
import * as jobTypes from '../../schemas/batch/job.js';
import * as leaseTypes from '../../schemas/coordination/lease.js';
import * as endpointsTypes from '../../schemas/core/endpoints.js';
import * as limitRangeTypes from '../../schemas/core/limitrange.js';
import * as claimTypes from '../../schemas/core/persistentvolumeclaim.js';
import * as quotaTypes from '../../schemas/core/resourcequota.js';
import * as serviceTypes from '../../schemas/core/service.js';
import * as serviceAccountTypes from '../../schemas/core/serviceaccount.js';
import * as rbacTypes from '../../schemas/rbac/rbac.js';
import * as priorityClassTypes from '../../schemas/scheduling/priorityclass.js';
import { META, apiPackage } from './names.js';
import { SERVED_TYPE_PACKAGES } from './served-types.js';

/**
 * The schema modules, by the upstream package their types mirror. Their exported object schemas are named after
 * the export (`Container` → `io.k8s.api.core.v1.Container`), which is how upstream names them too; nested objects
 * that no module exports stay inline.
 */
const SCHEMA_MODULES: Array<[string, Array<Record<string, unknown>>]> = [
  [META, [meta]],
  [apiPackage('', 'v1'), [
    podTypes, nodeTypes, namespaceTypes, eventTypes, rcTypes, referenceTypes, serviceTypes, endpointsTypes,
    serviceAccountTypes, quotaTypes, limitRangeTypes, claimTypes,
  ]],
  [apiPackage('apps', 'v1'), [daemonSetTypes, revisionTypes, deploymentTypes, replicaSetTypes, statefulSetTypes]],
  [apiPackage('batch', 'v1'), [jobTypes, cronJobTypes]],
  [apiPackage('coordination.k8s.io', 'v1'), [leaseTypes]],
  [apiPackage('rbac.authorization.k8s.io', 'v1'), [rbacTypes]],
  [apiPackage('scheduling.k8s.io', 'v1'), [priorityClassTypes]],
  [apiPackage('authorization.k8s.io', 'v1'), [reviewTypes]],
];

export function isObjectSchema(value: unknown): value is TSchema & { properties: Record<string, TSchema> } {
  return typeof value === 'object' && value !== null && (value as TSchema)[Kind] === 'Object';
}

/**
 * Definition names keyed by an object schema's `properties`: `Type.Optional` copies the schema object itself but
 * keeps its `properties`, so that is what identifies one modelled type wherever it is reused.
 */
export function exportedNames(): Map<object, string> {
  const names = new Map<object, string>();
  const taken = new Set<string>();
  const add = (pkg: string, exports: Record<string, unknown>) => {
    for (const [exportName, value] of Object.entries(exports)) {
      const name = `${pkg}.${exportName}`;
      if (!isObjectSchema(value) || names.has(value.properties) || taken.has(name)) continue;
      names.set(value.properties, name);
      taken.add(name);
    }
  };
  for (const [pkg, modules] of SCHEMA_MODULES) for (const exports of modules) add(pkg, exports);
  for (const [pkg, exports] of SERVED_TYPE_PACKAGES) add(pkg, exports);
  return names;
}

