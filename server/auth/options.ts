import type { RunningRbacSource } from './rbac-source.js';
import { readTokenFile } from './token-file.js';
import type { AccessControl } from './access-control.js';
import { alwaysAllow, alwaysDeny, mastersAuthorizer, parseAuthorizationModes, unionAuthorizer, type Authorizer } from './authorizer.js';
import { RbacAuthorizer } from './rbac-authorizer.js';

/** Authentication and authorization settings, named after kube-apiserver's flags. */
export interface AuthOptions {
  /** --token-auth-file: a CSV of `token,user,uid,"group1,group2"`. */
  tokenAuthFile?: string;
  /** --anonymous-auth (default true): requests without credentials act as system:anonymous. */
  anonymousAuth?: boolean;
  /** --authorization-mode (default AlwaysAllow): a comma-separated list of AlwaysAllow, AlwaysDeny, RBAC. */
  authorizationMode?: string;
  /** --insecure-allow-open-access: serve a non-loopback address although anonymous requests may do anything. */
  insecureAllowOpenAccess?: boolean;
}

export interface ConfiguredAccess {
  control: AccessControl;
  /** Token file rows upstream accepts with a warning. */
  warnings: string[];
  stop(): void;
}

/** Builds the authenticator settings and the authorizer chain (system:masters first, then the modes in order). */
export function configureAccess(options: AuthOptions, clientCertificates: boolean, rbac: () => RunningRbacSource): ConfiguredAccess {
  const modes = parseAuthorizationModes(options.authorizationMode ?? 'AlwaysAllow');
  const tokenFile = options.tokenAuthFile === undefined ? undefined : readTokenFile(options.tokenAuthFile);
  let source: RunningRbacSource | undefined;
  const chain: Authorizer[] = [mastersAuthorizer];
  for (const mode of modes) {
    if (mode === 'AlwaysAllow') chain.push(alwaysAllow);
    else if (mode === 'AlwaysDeny') chain.push(alwaysDeny);
    else chain.push(new RbacAuthorizer((source ??= rbac())));
  }
  return {
    control: {
      authentication: { tokens: tokenFile?.tokens, anonymous: options.anonymousAuth ?? true, clientCertificates },
      authorizer: unionAuthorizer(chain),
      allowsEverything: modes.includes('AlwaysAllow'),
    },
    warnings: tokenFile?.warnings ?? [],
    stop: () => source?.stop(),
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Serving beyond this machine while anonymous requests may do everything needs saying so: the message names what
 * would secure it instead.
 */
export function openAccessRefusal(host: string, control: AccessControl, options: AuthOptions): string | undefined {
  if (isLoopback(host) || options.insecureAllowOpenAccess) return undefined;
  if (!(control.allowsEverything && control.authentication.anonymous)) return undefined;
  return (
    `refusing to serve ${host} without authentication: anyone who can reach it could read and change everything. ` +
    'Require credentials (--token-auth-file or --client-ca-file, with --anonymous-auth=false or ' +
    '--authorization-mode=RBAC), or pass --insecure-allow-open-access to serve it open anyway'
  );
}
