import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { kubeconfigFor } from '../../server/kubeconfig.js';
import { useSharedServer } from '../helpers/api.js';
import { Kubectl, NO_KUBECTL, versionedKubectl, type KubectlResult } from '../helpers/kubectl.js';
import { KUBE_PROXY_DAEMONSET, WEB_RC } from '../fixtures/manifests.js';

const KUBECTL_1_27 = versionedKubectl(27);

const UNKNOWN_FIELD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox
        bogusField: 1
`;

/**
 * How a proxy in front of the server changes its OpenAPI answers, to play another apiserver:
 * - `no-field-validation`: one older than 1.25, whose operations declare no `fieldValidation` parameter, so kubectl
 *   validates on the client, against the definitions of the protobuf `/openapi/v2`. The parameter is renamed in
 *   place (same length), which keeps every protobuf length prefix valid.
 * - `no-openapi-v3`: one that serves no `/openapi/v3`, so kubectl learns about `fieldValidation` and explains fields
 *   from the protobuf `/openapi/v2` alone.
 */
type Vintage = 'no-field-validation' | 'no-openapi-v3';

function forward(target: URL, vintage: Vintage, request: http.IncomingMessage, response: http.ServerResponse): void {
  const path = request.url ?? '/';
  if (vintage === 'no-openapi-v3' && path.startsWith('/openapi/v3')) {
    response.writeHead(404, { 'content-type': 'application/json' }).end(
      JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404 }),
    );
    return;
  }
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: request.method, path, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      if (vintage !== 'no-field-validation' || !path.startsWith('/openapi/')) {
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => response.end(Buffer.from(Buffer.concat(chunks).toString('latin1').replaceAll('fieldValidation', 'FieldValidation'), 'latin1')));
    },
  );
  upstream.on('error', () => response.destroy());
  request.pipe(upstream);
}

async function startProxy(t: { after(fn: () => unknown): void }, target: string, vintage: Vintage): Promise<string> {
  const proxy = http.createServer((request, response) => forward(new URL(target), vintage, request, response));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => proxy.close(resolve)));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

function kubectlFor(t: { after(fn: () => unknown): void }, url: string): Kubectl {
  const kubectl = new Kubectl(kubeconfigFor(url), KUBECTL_1_27!);
  t.after(() => kubectl.cleanup());
  return kubectl;
}

function succeeded(res: KubectlResult, what: string): string {
  assert.equal(res.code, 0, `${what} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}`);
  return res.stdout;
}

/** The fields `kubectl explain` lists, by name, with the type it prints (`image <string>`). */
function explainedFields(stdout: string): Map<string, string> {
  const fields = stdout.slice(stdout.indexOf('FIELDS:'));
  return new Map([...fields.matchAll(/^\s+(\w+)\t<([^>]+)>/gm)].map((m) => [m[1], m[2]]));
}

const STRICT_REFUSAL = /Error from server \(BadRequest\): error when creating ".*unknown.yaml": .*strict decoding error: unknown field "spec.template.spec.containers\[0\].bogusField"/;

describe('kubectl 1.27 with OpenAPI v2 in protobuf', { skip: NO_KUBECTL || (!KUBECTL_1_27 && 'kubectl 1.27 is not installed on this machine'), timeout: 120_000 }, () => {
  const server = useSharedServer({ controllers: false });

  it('applies a DaemonSet and a ReplicationController with validation on', async (t) => {
    const kubectl = kubectlFor(t, server().url);
    const ds = await kubectl.run(['apply', '-f', kubectl.file('ds.yaml', KUBE_PROXY_DAEMONSET)]);
    assert.match(succeeded(ds, 'apply ds'), /daemonset.apps\/kube-proxy created/);
    const rc = await kubectl.run(['apply', '-f', kubectl.file('rc.yaml', WEB_RC)]);
    assert.match(succeeded(rc, 'apply rc'), /replicationcontroller\/web created/);
  });

  it('has the server refuse an unknown field, having found fieldValidation in the document', async (t) => {
    const kubectl = kubectlFor(t, server().url);
    const res = await kubectl.run(['create', '-f', kubectl.file('unknown.yaml', UNKNOWN_FIELD)]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, STRICT_REFUSAL);
  });

  it('explains fields', async (t) => {
    const kubectl = kubectlFor(t, server().url);
    const containers = succeeded(await kubectl.run(['explain', 'pod.spec.containers']), 'explain');
    assert.match(containers, /KIND:\s+Pod\n/);
    assert.match(containers, /FIELD: containers <\[\]Container>/);
    assert.equal(explainedFields(containers).get('image'), 'string');
    assert.equal(explainedFields(containers).get('ports'), '[]ContainerPort');
    const spec = succeeded(await kubectl.run(['explain', 'daemonset.spec']), 'explain');
    assert.match(spec, /GROUP:\s+apps\nKIND:\s+DaemonSet\nVERSION:\s+v1\n/);
    assert.equal(explainedFields(spec).get('updateStrategy'), 'DaemonSetUpdateStrategy');
  });

  it('explains fields from the protobuf document itself', async (t) => {
    const kubectl = kubectlFor(t, server().url);
    const containers = await kubectl.run(['explain', 'pod.spec.containers', '--output=plaintext-openapiv2']);
    const fields = explainedFields(succeeded(containers, 'explain'));
    assert.match(containers.stdout, /RESOURCE: containers <\[\]Object>/);
    assert.deepEqual([fields.get('name'), fields.get('image'), fields.get('ports')], ['string', 'string', '[]Object']);
    const spec = await kubectl.run(['explain', 'daemonset.spec.template.spec', '--output=plaintext-openapiv2']);
    assert.equal(explainedFields(succeeded(spec, 'explain')).get('nodeSelector'), 'map[string]string');
  });

  it('validates on the client against the protobuf definitions when the server has no fieldValidation', async (t) => {
    const kubectl = kubectlFor(t, await startProxy(t, server().url, 'no-field-validation'));
    const refused = await kubectl.run(['create', '-f', kubectl.file('unknown.yaml', UNKNOWN_FIELD)]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error validating data: ValidationError\(DaemonSet.spec.template.spec.containers\[0\]\): unknown field "bogusField" in io.k8s.api.core.v1.Container/);
    // A manifest that uses many of the schema's constructs (maps, lists, references) passes the same check.
    const ds = await kubectl.run(['create', '-f', kubectl.file('ds.yaml', KUBE_PROXY_DAEMONSET.replace('name: kube-proxy\n', 'name: validated\n'))]);
    assert.match(succeeded(ds, 'create ds'), /daemonset.apps\/validated created/);
  });

  it('reads fieldValidation and explains fields from OpenAPI v2 alone when there is no v3', async (t) => {
    const kubectl = kubectlFor(t, await startProxy(t, server().url, 'no-openapi-v3'));
    const refused = await kubectl.run(['create', '-f', kubectl.file('unknown.yaml', UNKNOWN_FIELD)]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, STRICT_REFUSAL);
    const spec = succeeded(await kubectl.run(['explain', 'daemonset.spec']), 'explain');
    assert.match(spec, /RESOURCE: spec <Object>/);
    assert.equal(explainedFields(spec).get('updateStrategy'), 'Object');
  });
});
