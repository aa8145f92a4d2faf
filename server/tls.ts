import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { certificateCovers, generateServingCertificate, pemCertificates } from './tls-certificate.js';

export interface TlsOptions {
  /** --tls-cert-file / --tls-private-key-file: a certificate (chain) and key to serve. */
  certFile?: string;
  keyFile?: string;
  /** --client-ca-file: client certificates signed by these CAs authenticate (CN = user, O = groups). */
  clientCaFile?: string;
  /**
   * --cert-dir: where a generated certificate is kept (apiserver.crt, apiserver.key, as upstream) and reused from
   * on the next start. Without it a generated certificate lives in memory only.
   */
  certDir?: string;
}

/** What the HTTPS server and the kubeconfig need. */
export interface TlsMaterial {
  cert: string;
  key: string;
  /** The certificate a client should trust: the generated CA, or the last certificate of a supplied chain. */
  servingCa: string;
  clientCa?: string;
}

export class TlsError extends Error {
  override name = 'TlsError';
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new TlsError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function tryRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function generatedCertificate(options: TlsOptions, host: string, now: number): Promise<{ cert: string; key: string; ca: string }> {
  const certPath = options.certDir && join(options.certDir, 'apiserver.crt');
  const keyPath = options.certDir && join(options.certDir, 'apiserver.key');
  if (certPath && keyPath) {
    const cert = tryRead(certPath);
    const key = tryRead(keyPath);
    if (cert && key && certificateCovers(cert, host, now)) return { cert, key, ca: pemCertificates(cert).at(-1)! };
  }
  const generated = await generateServingCertificate(host, new Date(now));
  if (certPath && keyPath) {
    mkdirSync(options.certDir!, { recursive: true });
    writeFileSync(certPath, generated.cert);
    writeFileSync(keyPath, generated.key, { mode: 0o600 });
    chmodSync(keyPath, 0o600);
  }
  return generated;
}

/** Loads the supplied certificate, or reuses or generates a self-signed one, as the apiserver does at start. */
export async function loadTlsMaterial(options: TlsOptions, host: string, now = Date.now()): Promise<TlsMaterial> {
  if ((options.certFile === undefined) !== (options.keyFile === undefined)) {
    throw new TlsError('--tls-cert-file and --tls-private-key-file must be given together');
  }
  const clientCa = options.clientCaFile ? readPem(options.clientCaFile, 'client CA file') : undefined;
  if (clientCa !== undefined && pemCertificates(clientCa).length === 0) {
    throw new TlsError(`client CA file ${options.clientCaFile} holds no PEM certificate`);
  }
  if (options.certFile && options.keyFile) {
    const cert = readPem(options.certFile, 'certificate file');
    const chain = pemCertificates(cert);
    if (chain.length === 0) throw new TlsError(`certificate file ${options.certFile} holds no PEM certificate`);
    const key = readPem(options.keyFile, 'private key file');
    try {
      createSecureContext({ cert, key });
    } catch (err) {
      throw new TlsError(`the certificate ${options.certFile} and private key ${options.keyFile} cannot serve TLS: ${(err as Error).message}`);
    }
    return { cert, key, servingCa: chain.at(-1)!, clientCa };
  }
  const generated = await generatedCertificate(options, host, now);
  return { cert: generated.cert, key: generated.key, servingCa: generated.ca, clientCa };
}
