import { Type, type Static } from '@sinclair/typebox';
import { MapKey, Strict, Time, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';

/** core/v1 Service (v1.32). Go decodes absent fields to their zero values, so nothing below is required on input. */

const Str = (description?: string) => Type.Optional(Type.String(description === undefined ? {} : { description }));
const Int = (description?: string) => Type.Optional(Type.Integer(description === undefined ? {} : { description }));
const Bool = (description: string) => Type.Optional(Type.Boolean({ description }));

export const ServicePort = Strict({
  name: Str('Unique name of the port within the service; required when there is more than one.'),
  protocol: Str('TCP (the default), UDP or SCTP.'),
  appProtocol: Str('The application protocol, e.g. "http" or "kubernetes.io/h2c".'),
  port: Int('The port the service exposes.'),
  targetPort: Type.Optional(
    Type.Union([Type.Integer(), Type.String()], { description: 'Port number or name on the pods (defaults to port).' }),
  ),
  nodePort: Int('The port on every node, for NodePort and LoadBalancer services.'),
});
export type ServicePort = Static<typeof ServicePort>;

export const ClientIPConfig = Strict({ timeoutSeconds: Int('Seconds a client sticks to one endpoint (default 10800).') });
export const SessionAffinityConfig = Strict({ clientIP: Type.Optional(ClientIPConfig) });

export const ServiceSpec = Strict({
  // Upstream keys ports by port and protocol, and merges strategic patches on the port alone.
  ports: Type.Optional(
    Type.Array(ServicePort, {
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'port',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
    }),
  ),
  selector: Type.Optional(
    Type.Record(MapKey, Type.String(), { 'x-kubernetes-map-type': 'atomic', description: 'Labels of the pods the service routes to.' }),
  ),
  clusterIP: Str('The virtual IP, allocated when unset; "None" makes a headless service.'),
  clusterIPs: Type.Optional(AtomicList(Type.String())),
  type: Str('ClusterIP (the default), NodePort, LoadBalancer or ExternalName.'),
  externalIPs: Type.Optional(AtomicList(Type.String())),
  sessionAffinity: Str('None (the default) or ClientIP.'),
  loadBalancerIP: Str('Deprecated: the address a load balancer should use.'),
  loadBalancerSourceRanges: Type.Optional(AtomicList(Type.String())),
  externalName: Str('The DNS name an ExternalName service aliases.'),
  externalTrafficPolicy: Str('Cluster or Local: how external traffic is spread over endpoints.'),
  healthCheckNodePort: Int('Node port for load balancer health checks (LoadBalancer with Local traffic policy).'),
  publishNotReadyAddresses: Bool('Publish endpoints of pods that are not ready.'),
  sessionAffinityConfig: Type.Optional(SessionAffinityConfig),
  ipFamilies: Type.Optional(AtomicList(Type.String())),
  ipFamilyPolicy: Str('SingleStack, PreferDualStack or RequireDualStack.'),
  allocateLoadBalancerNodePorts: Bool('Allocate node ports for a LoadBalancer service (default true).'),
  loadBalancerClass: Str('The load balancer implementation that serves this service.'),
  internalTrafficPolicy: Str('Cluster or Local: how in-cluster traffic is spread over endpoints.'),
  trafficDistribution: Str('A preference for how traffic is distributed, e.g. PreferClose.'),
});
export type ServiceSpec = Static<typeof ServiceSpec>;

export const PortStatus = Strict({ port: Int(), protocol: Str(), error: Str() });

export const LoadBalancerIngress = Strict({
  ip: Str('IP address of the load balancer ingress point.'),
  hostname: Str('DNS name of the load balancer ingress point.'),
  ipMode: Str('VIP or Proxy: how traffic to the ip reaches the nodes.'),
  ports: Type.Optional(AtomicList(PortStatus)),
});

export const LoadBalancerStatus = Strict({ ingress: Type.Optional(AtomicList(LoadBalancerIngress)) });
export type LoadBalancerStatus = Static<typeof LoadBalancerStatus>;

/** metav1.Condition, the standard condition shape newer APIs use. */
const Condition = Strict({
  type: Str(),
  status: Str(),
  observedGeneration: Int(),
  lastTransitionTime: Type.Optional(Type.Union([Time, Type.Null()])),
  reason: Str(),
  message: Str(),
});

export const ServiceStatus = Strict({
  loadBalancer: Type.Optional(LoadBalancerStatus),
  conditions: Type.Optional(
    Type.Array(Condition, {
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'type',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
  ),
});
export type ServiceStatus = Static<typeof ServiceStatus>;

export const Service = TopLevel({
  spec: Type.Optional(ServiceSpec),
  status: Type.Optional(ServiceStatus),
});
