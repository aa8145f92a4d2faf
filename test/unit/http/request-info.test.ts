import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRequestPath } from '../../../server/http/request-info.js';

const cases: Array<[string, ReturnType<typeof parseRequestPath>]> = [
  ['/api/v1/pods', { group: '', version: 'v1', namespace: undefined, resource: 'pods', name: undefined, subresource: undefined, extra: false }],
  ['/api/v1/namespaces', { group: '', version: 'v1', namespace: undefined, resource: 'namespaces', name: undefined, subresource: undefined, extra: false }],
  ['/api/v1/namespaces/default', { group: '', version: 'v1', namespace: 'default', resource: 'namespaces', name: 'default', subresource: undefined, extra: false }],
  ['/api/v1/namespaces/default/status', { group: '', version: 'v1', namespace: 'default', resource: 'namespaces', name: 'default', subresource: 'status', extra: false }],
  ['/api/v1/namespaces/default/finalize', { group: '', version: 'v1', namespace: 'default', resource: 'namespaces', name: 'default', subresource: 'finalize', extra: false }],
  ['/api/v1/namespaces/kube-system/pods/p1/status', { group: '', version: 'v1', namespace: 'kube-system', resource: 'pods', name: 'p1', subresource: 'status', extra: false }],
  ['/apis/apps/v1/namespaces/ns/daemonsets/ds', { group: 'apps', version: 'v1', namespace: 'ns', resource: 'daemonsets', name: 'ds', subresource: undefined, extra: false }],
  ['/apis/apps/v1', { group: 'apps', version: 'v1', namespace: undefined, resource: undefined, name: undefined, subresource: undefined, extra: false }],
  ['/api/v1/nodes/n1/status/extra', { group: '', version: 'v1', namespace: undefined, resource: 'nodes', name: 'n1', subresource: 'status', extra: true }],
  ['/api/v1/namespaces/a%2Db/pods/x%41', { group: '', version: 'v1', namespace: 'a-b', resource: 'pods', name: 'xA', subresource: undefined, extra: false }],
  ['//api//v1/pods/', { group: '', version: 'v1', namespace: undefined, resource: 'pods', name: undefined, subresource: undefined, extra: false }],
  ['/healthz', undefined],
  ['/apis/apps', undefined],
];

for (const [path, expected] of cases) {
  test(`RequestInfoFactory reads ${path}`, () => {
    assert.deepEqual(parseRequestPath(path), expected);
  });
}

test('RequestInfoFactory refuses a broken percent-escape', () => {
  assert.throws(() => parseRequestPath('/api/v1/namespaces/%zz/pods'), URIError);
});
