import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, docColumn } from './columns.js';
import { int, list, str } from './format.js';
import { definePrinter } from './printer.js';

interface EndpointsObject extends KubeObject {
  subsets?: { addresses?: { ip?: unknown }[]; ports?: { port?: unknown }[] }[];
}

const SHOWN = 3;

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpoints: the first three `ip:port` pairs (bare IPs for a subset without ports), then how many more.
 * The count covers every address of every port, including the ones not listed.
 */
function formatEndpoints(ep: EndpointsObject): string {
  const subsets = list(ep.subsets);
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let more = false;
  let count = 0;
  const add = (entry: string) => {
    if (shown.length === SHOWN) more = true;
    else shown.push(entry);
  };
  for (const subset of subsets) {
    const addresses = list(subset.addresses);
    const ports = list(subset.ports);
    count += addresses.length * Math.max(ports.length, 1);
    if (ports.length === 0) {
      for (const a of addresses) add(str(a.ip));
    } else {
      for (const p of ports) for (const a of addresses) add(joinHostPort(str(a.ip), int(p.port)));
    }
  }
  const text = shown.join(',');
  return more ? `${text} + ${count - SHOWN} more...` : text;
}

export const endpointsPrinter = definePrinter<EndpointsObject>({
  columns: [NAME_COLUMN, docColumn('Endpoints', 'string', 'Endpoints.subsets'), AGE_COLUMN],
  cells(ep, now) {
    return [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, now)];
  },
});
