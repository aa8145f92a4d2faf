import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { startCliServer, type CliServer } from '../helpers/cli-server.js';
import { Kubectl, NO_KUBECTL } from '../helpers/kubectl.js';
import { scratchDir } from '../helpers/scratch.js';

/** The real kubectl over HTTPS with what `mimikube kubeconfig` prints: tokens, RBAC, `auth can-i`, upstream's 403. */

const MAIN = fileURLToPath(new URL('../../server/main.js', import.meta.url));
const run = promisify(execFile);

describe('kubectl with authentication and RBAC', { skip: NO_KUBECTL }, () => {
  const dir = scratchDir('mimikube-kubectl-auth-');
  const db = join(dir, 'cluster.db');
  writeFileSync(join(dir, 'tokens.csv'), 'admin-token,admin,1,system:masters\nalice-token,alice,2\n');
  let server: CliServer;
  let admin: Kubectl;
  let alice: Kubectl;
  const kubeconfig = async (...args: string[]) => (await run(process.execPath, [MAIN, 'kubeconfig', '--db', db, ...args])).stdout;

  before(async () => {
    server = await startCliServer(['--db', db, '--secure-port', '0', '--token-auth-file', join(dir, 'tokens.csv'), '--authorization-mode', 'RBAC', '--no-controllers']);
    admin = new Kubectl(await kubeconfig());
    alice = new Kubectl(await kubeconfig('--user', 'alice'));
  });
  after(async () => {
    admin?.cleanup();
    alice?.cleanup();
    await server?.stop();
  });

  test('mimikube kubeconfig names the HTTPS server, its CA and a token; the first cluster admin by default', async () => {
    const text = await kubeconfig();
    assert.match(text, new RegExp(`server: ${server.url.replace(/\./g, '\\.')}\\n {4}certificate-authority-data: \\S+`));
    assert.match(text, /token: "admin-token"/);
    assert.match(await kubeconfig('--user', 'alice'), /token: "alice-token"/);
    await assert.rejects(kubeconfig('--user', 'nobody'), /no token for user "nobody"/);
    await assert.rejects(run(process.execPath, [MAIN, 'kubeconfig', '--db', join(dir, 'other.db')]), /no running mimikube found for --db .*other\.db/);
  });

  test('kubectl get over HTTPS as a cluster admin', async () => {
    const res = await admin.run(['get', 'pods']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stderr, /No resources found in default namespace/);
    assert.match((await admin.run(['get', 'clusterrolebindings', 'cluster-admin', '-o', 'wide'])).stdout, /ClusterRole\/cluster-admin\s+\S+\s+system:masters/);
  });

  test('a forbidden kubectl get nodes prints upstream message; auth can-i answers from RBAC', async () => {
    const nodes = await alice.run(['get', 'nodes']);
    assert.equal(nodes.code, 1);
    assert.match(nodes.stderr, /Error from server \(Forbidden\): nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope/);
    const no = await alice.run(['auth', 'can-i', 'list', 'pods']);
    assert.equal(no.stdout.trim(), 'no');
    assert.equal(no.code, 1);
    assert.equal((await admin.run(['auth', 'can-i', 'delete', 'nodes'])).stdout.trim(), 'yes');
    const bind = await admin.run(['create', 'rolebinding', 'alice-view', '--clusterrole=view', '--user=alice']);
    assert.equal(bind.code, 0, bind.stderr);
    const yes = await alice.run(['auth', 'can-i', 'list', 'pods']);
    assert.equal(yes.stdout.trim(), 'yes', yes.stderr);
    assert.equal((await alice.run(['auth', 'can-i', 'create', 'pods'])).stdout.trim(), 'no');
    assert.equal((await alice.run(['get', 'pods'])).code, 0);
    const changed = await admin.run(['patch', 'rolebinding', 'alice-view', '--type=merge', '-p', '{"roleRef":{"name":"edit"}}']);
    assert.match(changed.stderr, /The RoleBinding "alice-view" is invalid: roleRef: Invalid value: rbac\.RoleRef\{APIGroup:"rbac\.authorization\.k8s\.io", Kind:"ClusterRole", Name:"edit"\}: cannot change roleRef/);
  });

  test('kubectl create cronjob and priorityclass store the new kinds and print them', async () => {
    assert.equal((await admin.run(['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *'])).code, 0);
    assert.equal((await admin.run(['create', 'priorityclass', 'high', '--value=1000', '--description=important'])).code, 0);
    assert.match((await admin.run(['get', 'cronjobs'])).stdout, /nightly\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>/);
    assert.match((await admin.run(['get', 'priorityclasses'])).stdout, /high\s+1000\s+false\s+\S+\s+PreemptLowerPriority/);
  });
});
