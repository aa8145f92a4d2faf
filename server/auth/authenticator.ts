import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { anonymousUser, withAuthenticatedGroup, type UserInfo } from './user.js';

export interface AuthenticationConfig {
  /** From --token-auth-file: token → user. */
  tokens?: ReadonlyMap<string, UserInfo>;
  /** --anonymous-auth: requests with no credentials at all become system:anonymous. */
  anonymous: boolean;
  /** --client-ca-file was given: the TLS layer asked for client certificates and verified them against it. */
  clientCertificates: boolean;
}

/** The WebSocket subprotocol browsers and client-go use to carry a bearer token on an upgrade request. */
const WEBSOCKET_TOKEN_PROTOCOL = 'base64url.bearer.authorization.k8s.io.';

type Outcome = { user: UserInfo } | { failed: true } | undefined;

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** x509: a verified client certificate's CN is the user and its O entries the groups; an unverified one fails. */
function fromClientCertificate(socket: Socket): Outcome {
  const tls = socket as TLSSocket;
  if (typeof tls.getPeerCertificate !== 'function') return undefined;
  const cert = tls.getPeerCertificate();
  if (!cert || !cert.subject) return undefined;
  if (!tls.authorized) return { failed: true };
  const [name] = asList(cert.subject.CN);
  if (!name) return undefined;
  return { user: { name, groups: asList(cert.subject.O) } };
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const [scheme, token] = (headers.authorization ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  return token;
}

function websocketToken(headers: IncomingHttpHeaders): string | undefined {
  for (const protocol of (headers['sec-websocket-protocol'] ?? '').split(',')) {
    const trimmed = protocol.trim();
    if (!trimmed.startsWith(WEBSOCKET_TOKEN_PROTOCOL)) continue;
    const token = Buffer.from(trimmed.slice(WEBSOCKET_TOKEN_PROTOCOL.length), 'base64url').toString('utf8');
    return token || undefined;
  }
  return undefined;
}

function fromToken(tokens: ReadonlyMap<string, UserInfo> | undefined, headers: IncomingHttpHeaders): Outcome {
  // Without a token file nothing reads tokens, as upstream with no token authenticator configured.
  if (!tokens) return undefined;
  const token = bearerToken(headers) ?? websocketToken(headers);
  if (token === undefined) return undefined;
  const user = tokens.get(token);
  // A token nobody issued is an error even when anonymous requests are allowed, as upstream answers it.
  return user ? { user } : { failed: true };
}

/**
 * Upstream's authenticator chain: client certificate, then bearer token; the first that recognises the request
 * wins. A credential that is presented but wrong is a 401 (undefined here) even with anonymous access on; a request
 * with none is anonymous when that is allowed.
 */
export function authenticate(config: AuthenticationConfig, headers: IncomingHttpHeaders, socket: Socket): UserInfo | undefined {
  let failed = false;
  const attempts = [
    () => (config.clientCertificates ? fromClientCertificate(socket) : undefined),
    () => fromToken(config.tokens, headers),
  ];
  for (const attempt of attempts) {
    const outcome = attempt();
    if (outcome && 'user' in outcome) return withAuthenticatedGroup(outcome.user);
    if (outcome) failed = true;
  }
  if (failed || !config.anonymous) return undefined;
  return anonymousUser();
}
