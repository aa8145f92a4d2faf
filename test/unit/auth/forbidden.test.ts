import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestAttributes } from '../../../server/auth/attributes.js';
import { alwaysAllow, alwaysDeny, mastersAuthorizer, parseAuthorizationModes, unionAuthorizer } from '../../../server/auth/authorizer.js';
import { forbiddenError, unauthorized } from '../../../server/auth/responses.js';
import { withAuthenticatedGroup, type UserInfo } from '../../../server/auth/user.js';

const alice: UserInfo = { name: 'alice', groups: ['system:authenticated'] };

const cases: Array<{ method: string; url: string; reason?: string; message: string; details: Record<string, string> }> = [
  {
    method: 'GET', url: '/api/v1/namespaces/default/pods',
    message: 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    details: { kind: 'pods' },
  },
  {
    method: 'GET', url: '/api/v1/namespaces/default/pods/p1',
    message: 'pods "p1" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"',
    details: { name: 'p1', kind: 'pods' },
  },
  {
    method: 'GET', url: '/api/v1/nodes',
    message: 'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope',
    details: { kind: 'nodes' },
  },
  {
    method: 'GET', url: '/api/v1/pods?watch=true',
    message: 'pods is forbidden: User "alice" cannot watch resource "pods" in API group "" at the cluster scope',
    details: { kind: 'pods' },
  },
  {
    method: 'PATCH', url: '/apis/apps/v1/namespaces/web/deployments/d1/scale',
    message: 'deployments.apps "d1" is forbidden: User "alice" cannot patch resource "deployments/scale" in API group "apps" in the namespace "web"',
    details: { name: 'd1', group: 'apps', kind: 'deployments' },
  },
  {
    method: 'DELETE', url: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    message: 'clusterroles.rbac.authorization.k8s.io is forbidden: User "alice" cannot deletecollection resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope',
    details: { group: 'rbac.authorization.k8s.io', kind: 'clusterroles' },
  },
  {
    method: 'POST', url: '/api/v1/namespaces/default/secrets', reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found',
    message: 'secrets is forbidden: User "alice" cannot create resource "secrets" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "gone" not found',
    details: { kind: 'secrets' },
  },
  { method: 'GET', url: '/metrics', message: 'forbidden: User "alice" cannot get path "/metrics"', details: {} },
  { method: 'GET', url: '/apis/apps/v1', message: 'forbidden: User "alice" cannot get path "/apis/apps/v1"', details: {} },
  { method: 'POST', url: '/version?x=1', message: 'forbidden: User "alice" cannot post path "/version"', details: {} },
];

for (const c of cases) {
  test(`403: ${c.method} ${c.url}`, () => {
    const status = forbiddenError(requestAttributes(alice, c.method, c.url), c.reason ?? '').toStatus();
    assert.equal(status.code, 403);
    assert.equal(status.reason, 'Forbidden');
    assert.equal(status.message, c.message);
    assert.deepEqual(status.details, c.details);
  });
}

test('401 is a bare Unauthorized Status', () => {
  assert.deepEqual(unauthorized().toStatus(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
});

test('authenticated users gain system:authenticated, anonymous and self-declared ones do not', () => {
  assert.deepEqual(withAuthenticatedGroup({ name: 'a', groups: ['x'] }).groups, ['x', 'system:authenticated']);
  assert.deepEqual(withAuthenticatedGroup({ name: 'system:anonymous', groups: ['system:unauthenticated'] }).groups, ['system:unauthenticated']);
  assert.deepEqual(withAuthenticatedGroup({ name: 'b', groups: ['system:unauthenticated'] }).groups, ['system:unauthenticated']);
});

test('the chain: system:masters first, then modes in order; AlwaysDeny has no opinion but a reason', () => {
  const attributes = requestAttributes(alice, 'GET', '/api/v1/pods');
  assert.equal(unionAuthorizer([mastersAuthorizer, alwaysDeny]).authorize({ ...attributes, user: { name: 'root', groups: ['system:masters'] } }).decision, 'Allow');
  assert.deepEqual(unionAuthorizer([mastersAuthorizer, alwaysDeny]).authorize(attributes), { decision: 'NoOpinion', reason: 'Everything is forbidden.' });
  assert.equal(unionAuthorizer([mastersAuthorizer, alwaysDeny, alwaysAllow]).authorize(attributes).decision, 'Allow');
  assert.deepEqual(parseAuthorizationModes('RBAC,AlwaysAllow'), ['RBAC', 'AlwaysAllow']);
  assert.throws(() => parseAuthorizationModes('Node,RBAC'), /authorization-mode "Node" is not supported/);
  assert.throws(() => parseAuthorizationModes('RBAC,RBAC'), /has mode specified more than once/);
});
