import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { generate } from 'selfsigned';
import { startTestServer, tlsRequest } from '../helpers/api.js';
import { scratchDir } from '../helpers/scratch.js';

/** HTTPS with supplied and generated certificates, and client-certificate authentication, through node's https. */

const dir = scratchDir('mimikube-tls-');
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

async function authority(cn: string) {
  return generate([{ name: 'commonName', value: cn }], {
    keySize: 2048, algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true }],
  });
}

async function signed(ca: { private: string; cert: string }, attrs: Array<{ name: string; value: string }>, usage: 'server' | 'client') {
  return generate(attrs, {
    keySize: 2048, algorithm: 'sha256', ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: usage === 'server', clientAuth: usage === 'client' },
      ...(usage === 'server' ? [{ name: 'subjectAltName' as const, altNames: [{ type: 7 as const, ip: '127.0.0.1' }] }] : []),
    ],
  });
}

let serverCa: Awaited<ReturnType<typeof authority>>;
let clientCa: Awaited<ReturnType<typeof authority>>;
before(async () => {
  [serverCa, clientCa] = await Promise.all([authority('test-server-ca'), authority('test-client-ca')]);
});

test('a generated self-signed certificate: clients trusting the server CA connect, others are refused', async (t) => {
  const server = await startTestServer(t, { controllers: false, tls: {} });
  assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.ca);
  const res = await tlsRequest(`${server.url}/healthz`, 'GET', { ca: server.ca });
  assert.equal(res.text, 'ok');
  await assert.rejects(tlsRequest(`${server.url}/healthz`, 'GET', {}), /self.signed certificate|unable to verify|issuer certificate/);
  assert.match(server.kubeconfig, /server: https:\/\/127\.0\.0\.1:\d+\n {4}certificate-authority-data: /);
  assert.doesNotMatch(server.kubeconfig, /insecure-skip-tls-verify/);
});

test('the generated certificate covers the loopback names and is kept in --cert-dir for the next start', async (t) => {
  const certDir = join(dir, 'certs');
  const first = await startTestServer(t, { controllers: false, tls: { certDir } });
  await first.close();
  const pem = readFileSync(join(certDir, 'apiserver.crt'), 'utf8');
  assert.ok(existsSync(join(certDir, 'apiserver.key')));
  const leaf = new X509Certificate(pem);
  assert.equal(leaf.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(leaf.checkIP('::1'), '::1');
  assert.equal(leaf.checkHost('localhost'), 'localhost');
  assert.equal(leaf.verify(new X509Certificate(first.ca!).publicKey), true);
  const second = await startTestServer(t, { controllers: false, tls: { certDir } });
  assert.equal(second.ca, first.ca);
  assert.equal((await tlsRequest(`${second.url}/version`, 'GET', { ca: first.ca })).status, 200);
});

test('a supplied certificate and key: the kubeconfig trusts the last certificate of the chain', async (t) => {
  const leaf = await signed(serverCa, [{ name: 'commonName', value: 'mimikube' }], 'server');
  const server = await startTestServer(t, {
    controllers: false,
    tls: { certFile: file('server.crt', `${leaf.cert.trim()}\n${serverCa.cert.trim()}\n`), keyFile: file('server.key', leaf.private) },
  });
  assert.equal(server.ca?.trim(), serverCa.cert.trim());
  assert.equal((await tlsRequest(`${server.url}/api/v1/namespaces`, 'GET', { ca: serverCa.cert })).body.kind, 'NamespaceList');
});

test('client certificates: CN is the user, O the groups; one from another CA is 401; none is anonymous', async (t) => {
  const server = await startTestServer(t, {
    controllers: false,
    tls: { clientCaFile: file('client-ca.crt', clientCa.cert) },
    auth: { authorizationMode: 'RBAC' },
  });
  const ca = server.ca!;
  const root = await signed(clientCa, [{ name: 'commonName', value: 'root' }, { name: 'organizationName', value: 'system:masters' }], 'client');
  const carol = await signed(clientCa, [{ name: 'commonName', value: 'carol' }, { name: 'organizationName', value: 'devs' }], 'client');
  const stranger = await signed(serverCa, [{ name: 'commonName', value: 'root' }, { name: 'organizationName', value: 'system:masters' }], 'client');
  const nodes = `${server.url}/api/v1/nodes`;
  assert.equal((await tlsRequest(nodes, 'GET', { ca, cert: root.cert, key: root.private })).status, 200);
  const forbidden = await tlsRequest(nodes, 'GET', { ca, cert: carol.cert, key: carol.private });
  assert.equal(forbidden.body.message, 'nodes is forbidden: User "carol" cannot list resource "nodes" in API group "" at the cluster scope');
  const review = await tlsRequest(`${server.url}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, 'POST', { ca, cert: carol.cert, key: carol.private },
    { 'content-type': 'application/json' }, JSON.stringify({ spec: { nonResourceAttributes: { verb: 'get', path: '/api' } } }));
  assert.equal(review.body.status.allowed, true, 'carol is authenticated, so system:discovery applies');
  const unknown = await tlsRequest(nodes, 'GET', { ca, cert: stranger.cert, key: stranger.private });
  assert.equal(unknown.status, 401);
  assert.equal(unknown.body.message, 'Unauthorized');
  assert.equal((await tlsRequest(nodes, 'GET', { ca })).body.message,
    'nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope');
});

test('a missing, empty or mismatched certificate file stops the start with its name', async (t) => {
  const other = await signed(serverCa, [{ name: 'commonName', value: 'other' }], 'server');
  await assert.rejects(startTestServer(t, { tls: { certFile: file('a.crt', serverCa.cert), keyFile: file('b.key', other.private) } }),
    /the certificate .*a\.crt and private key .*b\.key cannot serve TLS: .*key values mismatch/);
  await assert.rejects(startTestServer(t, { tls: { certFile: join(dir, 'none.crt'), keyFile: join(dir, 'none.key') } }), /cannot read certificate file .*none\.crt: ENOENT/);
  await assert.rejects(startTestServer(t, { tls: { clientCaFile: file('empty.crt', 'nothing here') } }), /client CA file .*empty\.crt holds no PEM certificate/);
});
