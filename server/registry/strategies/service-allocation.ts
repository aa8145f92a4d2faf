import { randomInt } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { ServiceSpec } from '../../../schemas/core/service.js';
import { CLUSTER_IP_NONE, isHeadless, needsClusterIP, needsHealthCheckNodePort } from './service-types.js';

/**
 * What the service registry allocates on a client's behalf (pkg/registry/core/service/storage/alloc.go), for a
 * single-stack IPv4 cluster with kube-apiserver's default ranges. The generic store offers strategies no view of
 * other objects, so addresses and ports are drawn at random from the dynamic part of each range; a collision with
 * another Service is possible, though unlikely, and is not detected.
 */

export const SERVICE_CIDR = '10.96.0.0/12';
const SERVICE_BASE = 0x0a600000;
const SERVICE_SIZE = 1 << 20;
// Upstream hands out addresses from the upper part of the range first, keeping the low ones (10.96.0.1 is the
// kubernetes Service's, 10.96.0.10 usually DNS) for clients that choose their own.
const SERVICE_DYNAMIC_START = 256;

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const NODE_PORT_DYNAMIC_START = 30086;

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function ipv4Text(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Inside the service CIDR, and neither its network nor its broadcast address. */
export function inServiceRange(ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const offset = ipv4Number(ip) - SERVICE_BASE;
  return offset > 0 && offset < SERVICE_SIZE - 1;
}

export function inNodePortRange(port: number): boolean {
  return port >= NODE_PORT_MIN && port <= NODE_PORT_MAX;
}

function allocateClusterIP(): string {
  return ipv4Text(SERVICE_BASE + randomInt(SERVICE_DYNAMIC_START, SERVICE_SIZE - 1));
}

function allocateNodePort(taken: Set<number>): number {
  for (;;) {
    const port = randomInt(NODE_PORT_DYNAMIC_START, NODE_PORT_MAX + 1);
    if (!taken.has(port)) return port;
  }
}

/**
 * Upstream's initIPFamilyFields: a policy and families inferred from what the client gave. Whatever the cluster
 * cannot serve (IPv6, dual-stack demands) is left as given for validation to refuse.
 */
export function initIPFamilyFields(spec: ServiceSpec): void {
  if (!needsClusterIP(spec)) return;
  const ips = spec.clusterIPs ?? [];
  const families = (spec.ipFamilies ??= []);
  spec.ipFamilyPolicy ??= ips.length === 2 || families.length === 2 ? 'RequireDualStack' : 'SingleStack';
  for (const [i, ip] of ips.entries()) {
    if (ip === CLUSTER_IP_NONE) break;
    if (i < families.length) continue;
    // An IPv6 address without its family: the allocator refuses the service before defaulting anything.
    if (isIPv6(ip)) return;
    families.push('IPv4');
  }
  // A headless service without selector has no addresses of its own to choose a family for: it may have both.
  if (isHeadless(spec) && Object.keys(spec.selector ?? {}).length === 0) {
    if (families.length === 0) families.push('IPv4');
    if (families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    return;
  }
  if (families.length === 0) families.push('IPv4');
}

/** A cluster IP for a service that needs one and was given neither clusterIP nor clusterIPs. */
export function allocateClusterIPs(spec: ServiceSpec): void {
  if (!needsClusterIP(spec) || spec.clusterIP || (spec.clusterIPs ?? []).length > 0) return;
  const ip = allocateClusterIP();
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

function allocatesNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

/**
 * Upstream's initNodePorts: every port gets a node port, and ports that share a port number (one per protocol) share
 * the node port too — the one the client gave, or a new one.
 */
export function allocateNodePorts(spec: ServiceSpec): void {
  if (!allocatesNodePorts(spec)) return;
  const ports = spec.ports ?? [];
  const taken = new Set(ports.map((p) => p.nodePort ?? 0).filter((p) => p !== 0));
  const byPort = new Map<number, number>();
  for (const [i, port] of ports.entries()) {
    if (port.nodePort) {
      if (!byPort.has(port.port ?? 0)) byPort.set(port.port ?? 0, port.nodePort);
      continue;
    }
    const requested = ports.slice(i + 1).find((p) => p.port === port.port && p.nodePort)?.nodePort;
    const nodePort = byPort.get(port.port ?? 0) ?? requested ?? allocateNodePort(taken);
    taken.add(nodePort);
    byPort.set(port.port ?? 0, nodePort);
    port.nodePort = nodePort;
  }
}

export function allocateHealthCheckNodePort(spec: ServiceSpec): void {
  if (!needsHealthCheckNodePort(spec) || spec.healthCheckNodePort) return;
  const taken = new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0));
  spec.healthCheckNodePort = allocateNodePort(taken);
}
