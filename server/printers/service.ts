import type { KubeObject } from '../../schemas/meta.js';
import { compareGoStrings } from '../registry/selectors/go-text.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, docColumn } from './columns.js';
import { formatLabels, int, list, str } from './format.js';
import { definePrinter } from './printer.js';

interface ServiceObject extends KubeObject {
  spec?: {
    type?: unknown;
    clusterIP?: unknown;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: unknown;
    ports?: { port?: unknown; nodePort?: unknown; protocol?: unknown }[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: unknown; hostname?: unknown }[] } };
}

/**
 * Load-balancer ingress points, IP preferred over hostname, deduplicated and sorted. Upstream clips this to 16
 * characters only for non-wide output, and the server always prints wide.
 */
function loadBalancerIngress(svc: ServiceObject): string[] {
  const points = new Set<string>();
  for (const ingress of list(svc.status?.loadBalancer?.ingress)) {
    const point = str(ingress.ip) || str(ingress.hostname);
    if (point) points.add(point);
  }
  return [...points].sort(compareGoStrings);
}

/*
 * Upstream's defaulting and registry fill type (ClusterIP), port protocols (TCP) and clusterIPs (from clusterIP)
 * before anything is stored or printed; mimikube stores services as sent, so the printer reads a service the way
 * upstream would have stored it.
 */
function serviceType(svc: ServiceObject): string {
  return str(svc.spec?.type) || 'ClusterIP';
}

function clusterIP(svc: ServiceObject): string {
  const ips = list(svc.spec?.clusterIPs);
  return ips.length > 0 ? str(ips[0]) : str(svc.spec?.clusterIP) || '<none>';
}

/** getServiceExternalIP, per service type. */
function serviceExternalIP(svc: ServiceObject): string {
  const externalIPs = list(svc.spec?.externalIPs);
  switch (serviceType(svc)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerIngress(svc);
      if (externalIPs.length > 0) return [...ingress, ...externalIPs].join(',');
      return ingress.length > 0 ? ingress.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(svc.spec?.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `port/protocol`, with `:nodePort` when one is allocated. */
function servicePorts(svc: ServiceObject): string {
  const pieces = list(svc.spec?.ports).map((p) => {
    const nodePort = int(p.nodePort);
    const port = nodePort > 0 ? `${int(p.port)}:${nodePort}` : `${int(p.port)}`;
    return `${port}/${str(p.protocol) || 'TCP'}`;
  });
  return pieces.length > 0 ? pieces.join(',') : '<none>';
}

export const servicePrinter = definePrinter<ServiceObject>({
  columns: [
    NAME_COLUMN,
    docColumn('Type', 'string', 'ServiceSpec.type'),
    docColumn('Cluster-IP', 'string', 'ServiceSpec.clusterIP'),
    docColumn('External-IP', 'string', 'ServiceSpec.externalIPs'),
    docColumn('Port(s)', 'string', 'ServiceSpec.ports'),
    AGE_COLUMN,
    docColumn('Selector', 'string', 'ServiceSpec.selector', 1),
  ],
  cells(svc, now) {
    return [
      svc.metadata.name ?? '',
      serviceType(svc),
      clusterIP(svc),
      serviceExternalIP(svc),
      servicePorts(svc),
      translateTimestampSince(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
});
