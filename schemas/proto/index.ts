import { appsV1 } from './apps-v1.js';
import { authorizationV1 } from './authorization-v1.js';
import { autoscalingV1 } from './autoscaling-v1.js';
import { batchV1 } from './batch-v1.js';
import { coordinationV1 } from './coordination-v1.js';
import { coreV1Affinity } from './core-v1-affinity.js';
import { coreV1Claim } from './core-v1-claim.js';
import { coreV1ContainerStatus } from './core-v1-container-status.js';
import { coreV1Container } from './core-v1-container.js';
import { coreV1Node } from './core-v1-node.js';
import { coreV1Objects } from './core-v1-objects.js';
import { coreV1PodSecurity } from './core-v1-pod-security.js';
import { coreV1Pod } from './core-v1-pod.js';
import { coreV1Service } from './core-v1-service.js';
import { coreV1Volume } from './core-v1-volume.js';
import { eventsV1 } from './events-v1.js';
import { metaV1 } from './meta-v1.js';
import { policyV1 } from './policy-v1.js';
import { rbacV1 } from './rbac-v1.js';
import { intstr, resource, runtime } from './runtime.js';
import { schedulingV1 } from './scheduling-v1.js';
import type { ProtoPackage } from './types.js';

/** Every protobuf field table; the codec merges the tables of one package (core/v1 spans several files). */
export const PROTO_PACKAGES: readonly ProtoPackage[] = [
  metaV1,
  runtime,
  intstr,
  resource,
  coreV1Objects,
  coreV1Pod,
  coreV1Container,
  coreV1ContainerStatus,
  coreV1PodSecurity,
  coreV1Affinity,
  coreV1Volume,
  coreV1Claim,
  coreV1Node,
  coreV1Service,
  appsV1,
  batchV1,
  autoscalingV1,
  policyV1,
  coordinationV1,
  eventsV1,
  rbacV1,
  schedulingV1,
  authorizationV1,
];
