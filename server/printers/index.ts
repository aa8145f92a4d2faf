import { configMapPrinter, secretPrinter, serviceAccountPrinter } from './config.js';
import { controllerRevisionPrinter } from './controllerrevision.js';
import { cronJobPrinter } from './cronjob.js';
import { daemonSetPrinter } from './daemonset.js';
import { CREATED_AT_PRINTER, NAME_AGE_PRINTER } from './defaults.js';
import { deploymentPrinter } from './deployment.js';
import { endpointsPrinter } from './endpoints.js';
import { eventPrinter } from './event.js';
import { eventsV1Printer } from './events-v1.js';
import { jobPrinter } from './job.js';
import { leasePrinter } from './lease.js';
import { namespacePrinter } from './namespace.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import type { Printer } from './printer.js';
import { priorityClassPrinter } from './priorityclass.js';
import { resourceQuotaPrinter } from './quota.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.js';
import { replicaSetPrinter } from './replicaset.js';
import { replicationControllerPrinter } from './replicationcontroller.js';
import { servicePrinter } from './service.js';
import { statefulSetPrinter } from './statefulset.js';

/** upstream's printers.go table, keyed by the resource table's storage key (`resource` or `resource.group`). */
export const PRINTERS: Record<string, Printer> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  services: servicePrinter,
  serviceaccounts: serviceAccountPrinter,
  endpoints: endpointsPrinter,
  replicationcontrollers: replicationControllerPrinter,
  resourcequotas: resourceQuotaPrinter,
  // LimitRange has no printer upstream and gets the apiserver's default table.
  limitranges: CREATED_AT_PRINTER,
  'daemonsets.apps': daemonSetPrinter,
  'controllerrevisions.apps': controllerRevisionPrinter,
  'deployments.apps': deploymentPrinter,
  'replicasets.apps': replicaSetPrinter,
  'statefulsets.apps': statefulSetPrinter,
  'jobs.batch': jobPrinter,
  'cronjobs.batch': cronJobPrinter,
  'leases.coordination.k8s.io': leasePrinter,
  'events.events.k8s.io': eventsV1Printer,
  // Roles have no printer upstream either: the default table, with the creation time.
  'roles.rbac.authorization.k8s.io': CREATED_AT_PRINTER,
  'clusterroles.rbac.authorization.k8s.io': CREATED_AT_PRINTER,
  'rolebindings.rbac.authorization.k8s.io': roleBindingPrinter,
  'clusterrolebindings.rbac.authorization.k8s.io': clusterRoleBindingPrinter,
  'priorityclasses.scheduling.k8s.io': priorityClassPrinter,
};

/** For a kind without a printer of its own. */
export const DEFAULT_PRINTER: Printer = NAME_AGE_PRINTER;
