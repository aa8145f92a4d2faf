import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESOURCES } from '../../../schemas/resources.js';
import { configMapPrinter, secretPrinter, serviceAccountPrinter } from '../../../server/printers/config.js';
import { CREATED_AT_PRINTER } from '../../../server/printers/defaults.js';
import { FIELD_DOCS } from '../../../server/printers/descriptions.js';
import { DEFAULT_PRINTER, PRINTERS } from '../../../server/printers/index.js';
import { leasePrinter } from '../../../server/printers/lease.js';
import { namespacePrinter } from '../../../server/printers/namespace.js';
import { canonicalQuantity } from '../../../server/printers/quantity.js';
import { resourceQuotaPrinter } from '../../../server/printers/quota.js';
import { NOW, ago, row } from './helpers.js';

const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(7, 'd') });

test('printConfigMap: Data counts data and binaryData keys', () => {
  assert.deepEqual(row(configMapPrinter, { metadata: meta('kube-root-ca.crt'), data: { 'ca.crt': 'x' }, binaryData: { b: 'AA==' } }), {
    Name: 'kube-root-ca.crt',
    Data: 2,
    Age: '7d',
  });
  assert.equal(row(configMapPrinter, { metadata: meta('empty') }).Data, 0);
});

test('printSecret: Type and the number of data keys, stringData merged in as the conversion does', () => {
  const r = row(secretPrinter, {
    metadata: meta('db'),
    type: 'Opaque',
    data: { user: 'YQ==', pass: 'Yg==' },
    stringData: { pass: 'c', host: 'd' },
  });
  assert.deepEqual(r, { Name: 'db', Type: 'Opaque', Data: 3, Age: '7d' });
});

test('printServiceAccount: Secrets counts the secret references', () => {
  assert.deepEqual(row(serviceAccountPrinter, { metadata: meta('default') }), { Name: 'default', Secrets: 0, Age: '7d' });
  assert.equal(row(serviceAccountPrinter, { metadata: meta('builder'), secrets: [{ name: 'a' }, { name: 'b' }] }).Secrets, 2);
});

test('printNamespace: Status is the phase', () => {
  assert.deepEqual(row(namespacePrinter, { metadata: meta('kube-system'), status: { phase: 'Active' } }), {
    Name: 'kube-system',
    Status: 'Active',
    Age: '7d',
  });
  assert.equal(row(namespacePrinter, { metadata: meta('gone'), status: { phase: 'Terminating' } }).Status, 'Terminating');
});

test('printLease: Holder is the holder identity, empty when unheld', () => {
  assert.deepEqual(row(leasePrinter, { metadata: meta('kube-scheduler'), spec: { holderIdentity: 'cp_1234' } }), {
    Name: 'kube-scheduler',
    Holder: 'cp_1234',
    Age: '7d',
  });
  assert.equal(row(leasePrinter, { metadata: meta('free'), spec: {} }).Holder, '');
});

// [upstream Quantity.String behaviour, written, canonical]
const quantities: [string, unknown, string][] = [
  ['zero', '0', '0'],
  ['a missing quantity is zero', undefined, '0'],
  ['plain integers stay', '10', '10'],
  ['a JSON number', 3, '3'],
  ['thousands take the k suffix', '2000', '2k'],
  ['milli-units reduce to whole units', '1000m', '1'],
  ['fractions become milli-units', '0.5', '500m'],
  ['milli-units that do not reduce', '1500m', '1500m'],
  ['binary units reduce', '1024Mi', '1Gi'],
  ['fractional binary units step down', '1.5Gi', '1536Mi'],
  ['binary values under 1024 print as decimal', '0.5Ki', '512'],
  ['binary units that do not reduce', '512Ki', '512Ki'],
  ['exponent form keeps exponents in multiples of three', '12e6', '12e6'],
  ['exponent form with an upper-case E', '1E3', '1e3'],
  ['exponent form without exponent', '1e0', '1'],
  ['negative binary', '-1Gi', '-1Gi'],
];

for (const [name, written, canonical] of quantities) {
  test(`Quantity.String: ${name}`, () => {
    assert.equal(canonicalQuantity(written), canonical);
  });
}

test('printResourceQuota: v1.32 columns and request/limit usage', () => {
  assert.deepEqual(
    resourceQuotaPrinter.columns.map((c) => c.name),
    ['Name', 'Age', 'Request', 'Limit'],
  );
  const rq = {
    metadata: meta('compute'),
    status: {
      hard: {
        pods: '10',
        'requests.cpu': '1',
        'requests.memory': '1Gi',
        'limits.cpu': '2',
        'limits.memory': '2Gi',
        'count/deployments.apps': '5',
      },
      used: { pods: '3', 'requests.cpu': '500m', 'requests.memory': '268435456', 'limits.memory': '1024Mi', 'count/deployments.apps': '1' },
    },
  };
  assert.deepEqual(row(resourceQuotaPrinter, rq), {
    Name: 'compute',
    Age: '7d',
    Request: 'count/deployments.apps: 1/5, pods: 3/10, requests.cpu: 500m/1, requests.memory: 268435456/1Gi',
    Limit: 'limits.cpu: 0/2, limits.memory: 1Gi/2Gi',
  });
  assert.deepEqual(row(resourceQuotaPrinter, { metadata: meta('empty') }), { Name: 'empty', Age: '7d', Request: '', Limit: '' });
});

test('default table convertor: Name and Created At as an RFC 3339 UTC instant', () => {
  assert.deepEqual(
    CREATED_AT_PRINTER.columns.map((c) => `${c.name}:${c.type}:${c.format}`),
    ['Name:string:name', 'Created At:date:'],
  );
  assert.deepEqual(CREATED_AT_PRINTER.cells({ metadata: { name: 'limits', creationTimestamp: '2024-05-01T10:00:00+02:00' } }, NOW), [
    'limits',
    '2024-05-01T08:00:00Z',
  ]);
  assert.deepEqual(CREATED_AT_PRINTER.cells({ metadata: { name: 'x' } }, NOW), ['x', '0001-01-01T00:00:00Z']);
  assert.equal(PRINTERS.limitranges, CREATED_AT_PRINTER);
});

test('DEFAULT_PRINTER: Name and a date-typed Age, as a CRD without printer columns', () => {
  assert.deepEqual(
    DEFAULT_PRINTER.columns.map((c) => [c.name, c.type, c.format, c.description]),
    [
      ['Name', 'string', 'name', FIELD_DOCS['ObjectMeta.name']],
      ['Age', 'date', '', FIELD_DOCS['ObjectMeta.creationTimestamp']],
    ],
  );
  assert.deepEqual(DEFAULT_PRINTER.cells({ metadata: meta('thing') }, NOW), ['thing', '7d']);
});

test('every kind in the resource table has a printer', () => {
  assert.deepEqual(
    RESOURCES.map((r) => r.key).filter((key) => !PRINTERS[key]),
    [],
  );
});

for (const [key, printer] of Object.entries(PRINTERS)) {
  test(`${key}: one cell per column, a name-format column, and described columns, even for a bare object`, () => {
    const cells = printer.cells({ metadata: { name: 'bare' } }, NOW);
    assert.equal(cells.length, printer.columns.length);
    assert.equal(printer.columns.filter((c) => c.format === 'name').length, 1);
    assert.ok(cells.includes('bare'));
    for (const c of printer.columns) {
      assert.ok(c.description.length > 0, `${c.name} has a description`);
      assert.ok([0, 1].includes(c.priority));
    }
  });
}
