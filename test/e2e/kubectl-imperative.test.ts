import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../helpers/api.js';
import { Kubectl, KUBECTL, NO_KUBECTL, versionedKubectl } from '../helpers/kubectl.js';

/**
 * kubectl's imperative `create` commands, which build the object in kubectl and (kubectl 1.32 and later) send it as protobuf
 * with fieldValidation=Strict: each must succeed and store exactly the object kubectl meant.
 */
const VERSIONS: { name: string; binary: () => string | undefined }[] = [
  { name: 'kubectl on PATH (1.32)', binary: () => KUBECTL },
  { name: 'kubectl 1.33', binary: () => versionedKubectl(33) },
  { name: 'kubectl 1.28', binary: () => versionedKubectl(28) },
  { name: 'kubectl 1.27', binary: () => versionedKubectl(27) },
];

const COMMANDS: { args: string[]; says: RegExp }[] = [
  { args: ['create', 'namespace', 'team-a'], says: /^namespace\/team-a created/ },
  { args: ['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=level=3'], says: /^configmap\/settings created/ },
  { args: ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin'], says: /^secret\/creds created/ },
  { args: ['create', 'serviceaccount', 'robot'], says: /^serviceaccount\/robot created/ },
  { args: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'], says: /^deployment.apps\/web created/ },
  { args: ['create', 'job', 'once', '--image=busybox', '--', 'date'], says: /^job.batch\/once created/ },
  { args: ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'date'], says: /^cronjob.batch\/nightly created/ },
  { args: ['create', 'role', 'reader', '--verb=get,list', '--resource=pods'], says: /^role.rbac.authorization.k8s.io\/reader created/ },
  { args: ['create', 'rolebinding', 'reader-alice', '--role=reader', '--user=alice'], says: /^rolebinding.rbac.authorization.k8s.io\/reader-alice created/ },
  { args: ['create', 'clusterrole', 'node-reader', '--verb=get', '--resource=nodes'], says: /^clusterrole.rbac.authorization.k8s.io\/node-reader created/ },
  { args: ['create', 'priorityclass', 'high', '--value=1000', '--description=important'], says: /^priorityclass.scheduling.k8s.io\/high created/ },
  { args: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'], says: /^service\/web created/ },
];

for (const version of VERSIONS) {
  const binary = version.binary();
  const skip = NO_KUBECTL || (binary ? false : `${version.name} is not installed next to the kubectl dispatcher`);
  test(`imperative create commands with ${version.name}`, { skip }, async (t) => {
    const server = await startTestServer(t, { controllers: false });
    const kubectl = new Kubectl(server.kubeconfig, binary);
    t.after(() => kubectl.cleanup());
    const get = async (what: string[]) => {
      const res = await kubectl.run(['get', ...what, '-o', 'json']);
      assert.equal(res.code, 0, res.stderr);
      return JSON.parse(res.stdout);
    };
    for (const { args, says } of COMMANDS) {
      const res = await kubectl.run(args);
      assert.equal(res.code, 0, `kubectl ${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stdout, says);
    }
    const again = await kubectl.run(['create', 'namespace', 'team-a']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /Error from server \(AlreadyExists\): namespaces "team-a" already exists/);

    assert.equal((await get(['namespace', 'team-a'])).status.phase, 'Active');
    assert.deepEqual((await get(['configmap', 'settings'])).data, { mode: 'fast', level: '3' });
    const secret = await get(['secret', 'creds']);
    assert.deepEqual(secret.data, { user: Buffer.from('admin').toString('base64') });
    assert.equal(secret.type, 'Opaque');
    assert.equal((await get(['serviceaccount', 'robot'])).metadata.name, 'robot');
    const deployment = await get(['deployment', 'web']);
    assert.equal(deployment.spec.replicas, 2);
    assert.deepEqual(deployment.spec.selector, { matchLabels: { app: 'web' } });
    assert.equal(deployment.spec.template.spec.containers[0].image, 'nginx:1.27');
    assert.equal(deployment.spec.template.spec.containers[0].ports[0].containerPort, 80);
    const job = await get(['job', 'once']);
    assert.deepEqual(job.spec.template.spec.containers[0].command, ['date']);
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    const cronjob = await get(['cronjob', 'nightly']);
    assert.equal(cronjob.spec.schedule, '0 3 * * *');
    assert.equal(cronjob.spec.jobTemplate.spec.template.spec.restartPolicy, 'OnFailure');
    assert.deepEqual((await get(['role', 'reader'])).rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
    const binding = await get(['rolebinding', 'reader-alice']);
    assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' });
    assert.deepEqual(binding.subjects, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }]);
    assert.deepEqual((await get(['clusterrole', 'node-reader'])).rules, [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
    const priority = await get(['priorityclass', 'high']);
    assert.equal(priority.value, 1000);
    assert.equal(priority.description, 'important');
    const service = await get(['service', 'web']);
    assert.deepEqual(service.spec.ports[0], { name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 });
  });
}
