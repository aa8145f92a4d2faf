import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSharedServer } from '../helpers/api.js';

/** fieldValidation over HTTP, with bodies shaped like those upstream's own field-validation integration test sends. */
const shared = useSharedServer({ controllers: false });
const RCS = '/api/v1/namespaces/default/replicationcontrollers';

const jsonBody = (name: string) => `{
  "apiVersion": "v1", "kind": "ReplicationController",
  "metadata": { "name": "${name}", "labels": { "app": "nginx" } },
  "spec": {
    "unknown1": "val1", "unknownDupe": "valDupe", "unknownDupe": "valDupe2", "replicas": 3, "replicas": 0,
    "selector": { "app": "nginx" },
    "template": {
      "metadata": { "labels": { "app": "nginx" } },
      "spec": { "containers": [{ "name": "nginx", "image": "nginx:latest", "unknownNested": "val1",
        "imagePullPolicy": "Always", "imagePullPolicy": "Never" }] }
    }
  }
}`;

const yamlBody = (name: string) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: ${name}
  labels:
    app: nginx
spec:
  unknown1: val1
  unknownDupe: valDupe
  unknownDupe: valDupe2
  replicas: 3
  replicas: 0
  selector:
    app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:latest
        unknownNested: val1
        imagePullPolicy: Always
        imagePullPolicy: Never`;

const JSON_PROBLEMS = [
  'unknown field "spec.unknown1"',
  'unknown field "spec.unknownDupe"',
  'duplicate field "spec.replicas"',
  'unknown field "spec.template.spec.containers[0].unknownNested"',
  'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
];
const YAML_PROBLEMS = [
  'line 10: key "unknownDupe" already set in map',
  'line 12: key "replicas" already set in map',
  'line 25: key "imagePullPolicy" already set in map',
  'unknown field "spec.unknown1"',
  'unknown field "spec.unknownDupe"',
  'unknown field "spec.template.spec.containers[0].unknownNested"',
];

/** Warning headers as the client sees them: `299 - "text"`, one per problem, in order. */
function warnings(headers: Headers): string[] {
  const raw = headers.get('warning');
  if (!raw) return [];
  return [...raw.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\"/g, '"'));
}

for (const [format, body, problems, contentType] of [
  ['JSON', jsonBody, JSON_PROBLEMS, 'application/json'],
  ['YAML', yamlBody, YAML_PROBLEMS, 'application/yaml'],
] as const) {
  describe(`fieldValidation on a ${format} create`, () => {
    test('Strict refuses with every unknown and duplicate field, in order, and stores nothing', async () => {
      const res = await shared().api.request('POST', `${RCS}?fieldValidation=Strict`, body(`strict-${format}`), { 'content-type': contentType });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.reason, 'BadRequest');
      assert.equal(
        res.body.message,
        `ReplicationController in version "v1" cannot be handled as a ReplicationController: strict decoding error: ${problems.join(', ')}`,
      );
      assert.equal((await shared().api.get(`${RCS}/strict-${format}`)).status, 404);
    });

    for (const query of ['?fieldValidation=Warn', '']) {
      test(`${query ? 'Warn' : 'no fieldValidation (Warn)'} stores the object and warns of each problem`, async () => {
        const name = `warn-${format}-${query ? 'explicit' : 'default'}`.toLowerCase();
        const res = await shared().api.request('POST', `${RCS}${query}`, body(name), { 'content-type': contentType });
        assert.equal(res.status, 201, res.text);
        assert.deepEqual(warnings(res.headers), problems);
        assert.equal(res.body.spec.replicas, 0, 'the last of two values wins');
        assert.equal(res.body.spec.template.spec.containers[0].imagePullPolicy, 'Never');
      });
    }

    test('Ignore stores the object without a word', async () => {
      const name = `ignore-${format}`.toLowerCase();
      const res = await shared().api.request('POST', `${RCS}?fieldValidation=Ignore`, body(name), { 'content-type': contentType });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(warnings(res.headers), []);
    });
  });
}

describe('fieldValidation inside the specs of typed workload kinds', () => {
  const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
  const deployment = (name: string) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', bogus: true }] } },
    },
  });

  test('Strict refuses an unknown field in a Deployment pod template container, naming its full path', async () => {
    const res = await shared().api.post(`${DEPLOYMENTS}?fieldValidation=Strict`, deployment('strict-deploy'));
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.reason, 'BadRequest');
    assert.equal(
      res.body.message,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].bogus"',
    );
    assert.equal((await shared().api.get(`${DEPLOYMENTS}/strict-deploy`)).status, 404);
  });

  test('Warn stores the Deployment without the field, with upstream defaults, and warns of it', async () => {
    const res = await shared().api.post(`${DEPLOYMENTS}?fieldValidation=Warn`, deployment('warn-deploy'));
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(warnings(res.headers), ['unknown field "spec.template.spec.containers[0].bogus"']);
    assert.equal(res.body.spec.template.spec.containers[0].bogus, undefined);
    assert.equal(res.body.spec.replicas, 1);
    assert.deepEqual(res.body.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  });
});
