import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

/** A serving key pair; `ca` is the certificate clients should trust for it (what a kubeconfig embeds). */
export interface ServingCertificate {
  cert: string;
  key: string;
  ca: string;
}

const VALIDITY_DAYS = 365;
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** Every name a client may reach the server by: loopback always, the bind address, and this host's name for 0.0.0.0. */
export function servingNames(host: string): { ips: string[]; dns: string[] } {
  const ips = new Set(['127.0.0.1', '::1']);
  const dns = new Set(['localhost']);
  if (WILDCARD_HOSTS.has(host)) dns.add(hostname());
  else if (isIP(host)) ips.add(host);
  else dns.add(host);
  return { ips: [...ips], dns: [...dns] };
}

/** The PEM blocks of a file, in order. */
export function pemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** Whether a certificate is still valid for a while and names `host` (so it can keep serving after a restart). */
export function certificateCovers(pem: string, host: string, now: number): boolean {
  const [leaf] = pemCertificates(pem);
  if (!leaf) return false;
  const cert = new X509Certificate(leaf);
  if (Date.parse(cert.validTo) <= now || Date.parse(cert.validFrom) > now) return false;
  const { ips, dns } = servingNames(host);
  return ips.every((ip) => cert.checkIP(ip) !== undefined) && dns.every((name) => cert.checkHost(name) !== undefined);
}

/**
 * What upstream's GenerateSelfSignedCertKey makes when the apiserver serves TLS without a certificate: a CA of its
 * own (`<host>-ca@<time>`) and a serving certificate it signs for the loopback addresses and the bind host. The
 * certificate file holds the serving certificate followed by the CA, as upstream writes it.
 */
export async function generateServingCertificate(host: string, now: Date): Promise<ServingCertificate> {
  // Loaded only here: the certificate library and its dependencies would otherwise slow every start without TLS.
  const { generate } = await import('selfsigned');
  const stamp = Math.floor(now.getTime() / 1000);
  const name = WILDCARD_HOSTS.has(host) ? hostname() : host;
  const notAfterDate = new Date(now.getTime() + VALIDITY_DAYS * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: `${name}-ca@${stamp}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
    ],
  });
  const { ips, dns } = servingNames(host);
  const serving = await generate([{ name: 'commonName', value: `${name}@${stamp}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { cert: `${serving.cert.trim()}\n${ca.cert.trim()}\n`, key: serving.private, ca: ca.cert };
}
