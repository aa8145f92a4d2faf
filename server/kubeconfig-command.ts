import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readTokenFile, TokenFileError } from './auth/token-file.js';
import { MASTERS_GROUP } from './auth/user.js';
import { connectionFileFor, readConnectionFile } from './connection-file.js';
import { kubeconfigFor, type KubeconfigCredentials } from './kubeconfig.js';

export const KUBECONFIG_USAGE = `Usage: mimikube kubeconfig [flags]

Prints a kubeconfig for a running mimikube: its URL and CA come from <db>.server.json, which the server writes next
to its database while it runs; the credentials from the flags below, or else from the server's token file.
  --db <file>                       the server's database (MIMIKUBE_DB, default ./mimikube.db)
  --server <url>                    the server's URL instead (with --db :memory:, or a server on another machine)
  --certificate-authority <file>    the CA to trust instead of the one the server wrote
  --insecure-skip-tls-verify        do not check the server's certificate
  --token <token>                   a bearer token
  --user <name>                     the token of this user from the token file (default: the first user in
                                    system:masters, else the first row)
  --token-auth-file <file>          the token file to read (default: the one the server was started with)
  --client-certificate <file>       a client certificate (PEM) for --client-ca-file authentication
  --client-key <file>               its private key (PEM)
`;

export class KubeconfigCommandError extends Error {
  override name = 'KubeconfigCommandError';
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new KubeconfigCommandError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The token of `user` (or of the first cluster admin, else the first row) in a token file. */
function tokenFromFile(path: string, user: string | undefined): string {
  let rows;
  try {
    rows = [...readTokenFile(path).tokens];
  } catch (err) {
    if (err instanceof TokenFileError) throw new KubeconfigCommandError(err.message);
    throw err;
  }
  const chosen = user !== undefined
    ? rows.find(([, info]) => info.name === user)
    : (rows.find(([, info]) => info.groups.includes(MASTERS_GROUP)) ?? rows[0]);
  if (!chosen) throw new KubeconfigCommandError(user ? `no token for user "${user}" in ${path}` : `no token in ${path}`);
  return chosen[0];
}

/** Builds the kubeconfig text from the flags and the server's connection file; throws with a message on misuse. */
export function kubeconfigCommand(argv: string[], env: NodeJS.ProcessEnv): string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        server: { type: 'string' },
        'certificate-authority': { type: 'string' },
        'insecure-skip-tls-verify': { type: 'boolean' },
        token: { type: 'string' },
        user: { type: 'string' },
        'token-auth-file': { type: 'string' },
        'client-certificate': { type: 'string' },
        'client-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new KubeconfigCommandError(`${(err as Error).message}\n\n${KUBECONFIG_USAGE}`);
  }
  if (values.help) return KUBECONFIG_USAGE;
  const db = values.db ?? env.MIMIKUBE_DB ?? './mimikube.db';
  const connectionFile = connectionFileFor(db);
  const running = connectionFile ? readConnectionFile(connectionFile) : undefined;
  const url = values.server?.replace(/\/$/, '') ?? running?.url;
  if (!url) {
    throw new KubeconfigCommandError(
      `no running mimikube found for --db ${db}${connectionFile ? ` (${connectionFile} does not exist)` : ''}; pass --server URL`,
    );
  }
  if ((values['client-certificate'] === undefined) !== (values['client-key'] === undefined)) {
    throw new KubeconfigCommandError('--client-certificate and --client-key must be given together');
  }
  const credentials: KubeconfigCredentials = {
    ca: values['certificate-authority'] ? readPem(values['certificate-authority']) : running?.url === url ? running.ca : undefined,
    insecureSkipTlsVerify: values['insecure-skip-tls-verify'],
    clientCertificate: values['client-certificate'] && readPem(values['client-certificate']),
    clientKey: values['client-key'] && readPem(values['client-key']),
  };
  const tokenFile = values['token-auth-file'] ?? running?.tokenAuthFile;
  if (values.token) credentials.token = values.token;
  else if (tokenFile && !credentials.clientCertificate) credentials.token = tokenFromFile(tokenFile, values.user);
  else if (values.user) throw new KubeconfigCommandError('--user needs a token file: the server has none; pass --token-auth-file');
  return kubeconfigFor(url, credentials);
}
