/** A kubeconfig that points kubectl and client libraries at `url`, as `mimikube` context. */
export function kubeconfigFor(url: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: mimikube',
    '  cluster:',
    `    server: ${url}`,
    // Plain HTTP: some clients (@kubernetes/client-node) refuse an http:// server unless TLS checks are off.
    ...(url.startsWith('http://') ? ['    insecure-skip-tls-verify: true'] : []),
    'users:',
    '- name: mimikube',
    '  user: {}',
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
