/** What a kubeconfig needs besides the URL: the CA to trust and the credentials to present. */
export interface KubeconfigCredentials {
  /** PEM of the CA that signed the server's certificate (https only). */
  ca?: string;
  token?: string;
  /** PEM client certificate and key, for --client-ca-file authentication. */
  clientCertificate?: string;
  clientKey?: string;
  /** Skip server certificate checks (https without a CA at hand). */
  insecureSkipTlsVerify?: boolean;
}

const base64 = (pem: string) => Buffer.from(pem).toString('base64');

/** A kubeconfig that points kubectl and client libraries at `url`, as `mimikube` context. */
export function kubeconfigFor(url: string, credentials: KubeconfigCredentials = {}): string {
  const cluster = [`    server: ${url}`];
  if (credentials.ca && url.startsWith('https://')) cluster.push(`    certificate-authority-data: ${base64(credentials.ca)}`);
  // Plain HTTP: some clients (@kubernetes/client-node) refuse an http:// server unless TLS checks are off.
  if (url.startsWith('http://') || (credentials.insecureSkipTlsVerify && !credentials.ca)) cluster.push('    insecure-skip-tls-verify: true');
  const user: string[] = [];
  if (credentials.token) user.push(`    token: ${JSON.stringify(credentials.token)}`);
  if (credentials.clientCertificate) user.push(`    client-certificate-data: ${base64(credentials.clientCertificate)}`);
  if (credentials.clientKey) user.push(`    client-key-data: ${base64(credentials.clientKey)}`);
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: mimikube',
    '  cluster:',
    ...cluster,
    'users:',
    '- name: mimikube',
    ...(user.length > 0 ? ['  user:', ...user] : ['  user: {}']),
    'contexts:',
    '- name: mimikube',
    '  context:',
    '    cluster: mimikube',
    '    user: mimikube',
    '    namespace: default',
    'current-context: mimikube',
    '',
  ].join('\n');
}
