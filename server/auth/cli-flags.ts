import type { TlsOptions } from '../tls.js';
import { parseAuthorizationModes } from './authorizer.js';
import type { AuthOptions } from './options.js';

/** The flags kube-apiserver spells this way, with the environment variables mimikube also reads them from. */
export const SECURITY_FLAGS = {
  'secure-port': { type: 'string' },
  'tls-cert-file': { type: 'string' },
  'tls-private-key-file': { type: 'string' },
  'client-ca-file': { type: 'string' },
  'cert-dir': { type: 'string' },
  'token-auth-file': { type: 'string' },
  'anonymous-auth': { type: 'string' },
  'authorization-mode': { type: 'string' },
  'insecure-allow-open-access': { type: 'boolean' },
} as const;

export const SECURITY_USAGE = `
Security (flag names as kube-apiserver's):
  --token-auth-file <file>         bearer tokens, CSV rows token,user,uid,"group1,group2" (MIMIKUBE_TOKEN_AUTH_FILE)
  --anonymous-auth <true|false>    requests without credentials act as system:anonymous (default true)
                                   (MIMIKUBE_ANONYMOUS_AUTH)
  --authorization-mode <modes>     AlwaysAllow (default), RBAC or AlwaysDeny, comma-separated in order
                                   (MIMIKUBE_AUTHORIZATION_MODE)
  --secure-port <n>                serve HTTPS on this port instead of HTTP on --port (MIMIKUBE_SECURE_PORT;
                                   default 6443 when another TLS flag turns HTTPS on)
  --tls-cert-file <file>           serving certificate (chain), PEM (MIMIKUBE_TLS_CERT_FILE)
  --tls-private-key-file <file>    its private key, PEM (MIMIKUBE_TLS_PRIVATE_KEY_FILE)
  --cert-dir <dir>                 without --tls-cert-file, a self-signed certificate is generated and kept here as
                                   apiserver.crt/apiserver.key (MIMIKUBE_CERT_DIR; default: the --db file's
                                   directory; with --db :memory:, in memory only)
  --client-ca-file <file>          client certificates signed by this CA authenticate: CN is the user, O the
                                   groups (MIMIKUBE_CLIENT_CA_FILE)
  --insecure-allow-open-access     serve a non-loopback --host although anonymous requests may do everything
                                   (MIMIKUBE_INSECURE_ALLOW_OPEN_ACCESS=true); refused otherwise
`;

export interface SecuritySettings {
  auth: AuthOptions;
  tls?: TlsOptions;
  /** The port to serve HTTPS on, when TLS is on. */
  securePort?: number;
}

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** Reads the security flags; `pick` gives a flag's value (flag first, then environment), `fail` reports misuse. */
export function parseSecurityFlags(
  pick: (flag: keyof typeof SECURITY_FLAGS, variable: string) => string | boolean | undefined,
  db: string,
  dirOf: (path: string) => string,
  fail: (message: string) => never,
): SecuritySettings {
  const text = (flag: keyof typeof SECURITY_FLAGS, variable: string) => pick(flag, variable) as string | undefined;
  const anonymous = text('anonymous-auth', 'MIMIKUBE_ANONYMOUS_AUTH');
  if (anonymous !== undefined && !TRUE.has(anonymous) && !FALSE.has(anonymous)) fail(`--anonymous-auth must be true or false, got "${anonymous}"`);
  const authorizationMode = text('authorization-mode', 'MIMIKUBE_AUTHORIZATION_MODE');
  if (authorizationMode !== undefined) {
    try {
      parseAuthorizationModes(authorizationMode);
    } catch (err) {
      fail(`--${(err as Error).message}`);
    }
  }
  const open = pick('insecure-allow-open-access', 'MIMIKUBE_INSECURE_ALLOW_OPEN_ACCESS');
  const auth: AuthOptions = {
    tokenAuthFile: text('token-auth-file', 'MIMIKUBE_TOKEN_AUTH_FILE'),
    anonymousAuth: anonymous === undefined ? undefined : TRUE.has(anonymous),
    authorizationMode,
    insecureAllowOpenAccess: open === true || (typeof open === 'string' && TRUE.has(open)),
  };
  const securePortText = text('secure-port', 'MIMIKUBE_SECURE_PORT');
  if (securePortText !== undefined && !/^\d+$/.test(securePortText)) fail(`--secure-port must be a non-negative integer, got "${securePortText}"`);
  const certDir = text('cert-dir', 'MIMIKUBE_CERT_DIR');
  const tlsFiles: TlsOptions = {
    certFile: text('tls-cert-file', 'MIMIKUBE_TLS_CERT_FILE'),
    keyFile: text('tls-private-key-file', 'MIMIKUBE_TLS_PRIVATE_KEY_FILE'),
    clientCaFile: text('client-ca-file', 'MIMIKUBE_CLIENT_CA_FILE'),
  };
  if ((tlsFiles.certFile === undefined) !== (tlsFiles.keyFile === undefined)) {
    fail('--tls-cert-file and --tls-private-key-file must be given together');
  }
  const tlsOn = securePortText !== undefined || certDir !== undefined || Object.values(tlsFiles).some((v) => v !== undefined);
  if (!tlsOn) return { auth };
  return {
    auth,
    tls: { ...tlsFiles, certDir: certDir ?? (db === ':memory:' ? undefined : dirOf(db)) },
    securePort: securePortText === undefined ? 6443 : Number(securePortText),
  };
}
