import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseOutput } from '../../../server/http/negotiate.js';

const PB = 'application/vnd.kubernetes.protobuf';
const KUBECTL_GET = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** [Accept, whether the object has a message, the choice] */
const cases: Array<[string | undefined, boolean, string]> = [
  [undefined, true, 'json'],
  ['', true, 'json'],
  ['application/json', true, 'json'],
  [`${PB}, application/json`, true, 'protobuf'],
  [`${PB}, application/json`, false, 'json'],
  [`${PB};stream=watch`, true, 'protobuf'],
  [`${PB};stream=other, application/json`, true, 'json'],
  ['application/yaml;stream=watch, application/json', true, 'json'],
  ['application/yaml', true, 'yaml'],
  [`application/json;q=0.5, ${PB}`, true, 'protobuf'],
  [`*/*, application/yaml`, true, 'yaml'],
  ['*/*', true, 'json'],
  ['application/*', true, 'json'],
  ['text/html', true, 'json'],
  [KUBECTL_GET, true, 'table:v1'],
  ['application/json;as=Table;v=v1beta1;g=meta.k8s.io', true, 'table:v1beta1'],
  ['application/json;g=meta.k8s.io;v=v1;as=Table', true, 'table:v1'],
  ['application/json;as=Table;v=v2;g=meta.k8s.io', true, 'json'],
  [`${PB};as=Table;v=v1;g=meta.k8s.io, application/json`, true, 'table:v1'],
  [`${PB};as=PartialObjectMetadata;v=v1;g=meta.k8s.io, application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io`, true, 'json'],
  [`${PB}, ${KUBECTL_GET}`, true, 'protobuf'],
  [`${PB}, ${KUBECTL_GET}`, false, 'table:v1'],
];

for (const [accept, hasMessage, want] of cases) {
  test(`Accept ${JSON.stringify(accept)}${hasMessage ? '' : ' (no message)'} → ${want}`, () => {
    assert.equal(chooseOutput(accept, () => hasMessage), want);
  });
}

test('whether an object has a message is asked only when protobuf is the best choice left', () => {
  let asked = 0;
  const ask = () => ++asked > 0;
  chooseOutput('application/json', ask);
  chooseOutput(`application/json, ${PB}`, ask);
  chooseOutput(KUBECTL_GET, ask);
  assert.equal(asked, 0);
  chooseOutput(`${PB}, application/json`, ask);
  assert.equal(asked, 1);
});
