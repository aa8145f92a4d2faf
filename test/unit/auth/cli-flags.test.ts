import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCli, UsageError } from '../../../server/cli.js';

function options(argv: string[], env: Record<string, string> = {}) {
  const result = parseCli(argv, env);
  assert.equal(result.help, false);
  if (result.help) throw new Error('unreachable');
  return result.options;
}

test('defaults: plain HTTP, anonymous allowed, AlwaysAllow, a connection file next to the database', () => {
  const o = options([]);
  assert.equal(o.tls, undefined);
  assert.deepEqual(o.auth, { tokenAuthFile: undefined, anonymousAuth: undefined, authorizationMode: undefined, insecureAllowOpenAccess: false });
  assert.equal(o.connectionFile, './mimikube.db.server.json');
  assert.equal(options(['--db', ':memory:']).connectionFile, undefined);
});

test('auth flags as kube-apiserver spells them, or from the environment', () => {
  const o = options(['--token-auth-file', 't.csv', '--anonymous-auth=false', '--authorization-mode', 'RBAC', '--insecure-allow-open-access']);
  assert.deepEqual(o.auth, { tokenAuthFile: 't.csv', anonymousAuth: false, authorizationMode: 'RBAC', insecureAllowOpenAccess: true });
  const e = options([], { MIMIKUBE_ANONYMOUS_AUTH: 'true', MIMIKUBE_AUTHORIZATION_MODE: 'RBAC,AlwaysDeny' });
  assert.equal(e.auth?.anonymousAuth, true);
  assert.equal(e.auth?.authorizationMode, 'RBAC,AlwaysDeny');
});

test('any TLS flag turns HTTPS on: --secure-port (default 6443), certificates kept beside the database', () => {
  const generated = options(['--secure-port', '0', '--db', '/var/lib/m/c.db']);
  assert.equal(generated.port, 0);
  assert.deepEqual(generated.tls, { certFile: undefined, keyFile: undefined, clientCaFile: undefined, certDir: '/var/lib/m' });
  const supplied = options(['--tls-cert-file', 'c.pem', '--tls-private-key-file', 'k.pem', '--client-ca-file', 'ca.pem', '--db', ':memory:']);
  assert.equal(supplied.port, 6443);
  assert.deepEqual(supplied.tls, { certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem', certDir: undefined });
  assert.equal(options(['--cert-dir', '/tmp/certs']).tls?.certDir, '/tmp/certs');
});

const misuse: Array<[string[], RegExp]> = [
  [['--anonymous-auth', 'maybe'], /--anonymous-auth must be true or false, got "maybe"/],
  [['--authorization-mode', 'Webhook'], /--authorization-mode "Webhook" is not supported; supported modes: AlwaysAllow, AlwaysDeny, RBAC/],
  [['--tls-cert-file', 'c.pem'], /--tls-cert-file and --tls-private-key-file must be given together/],
  [['--secure-port', 'x'], /--secure-port must be a non-negative integer/],
  [['--secure-port', '6443', '--port', '8080'], /--port serves plain HTTP and --secure-port \(or a TLS flag\) HTTPS: give one of them/],
];
for (const [argv, message] of misuse) {
  test(`misuse: ${argv.join(' ')}`, () => {
    assert.throws(() => parseCli(argv, {}), (err: unknown) => err instanceof UsageError && message.test(err.message));
  });
}
