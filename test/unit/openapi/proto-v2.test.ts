import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import YAML from 'yaml';
import { resourceTable } from '../../../schemas/resources.js';
import { ApiError } from '../../../server/errors.js';
import { openApiV2, type OpenApiV2Document } from '../../../server/openapi/index.js';
import { encodeOpenApiV2 } from '../../../server/openapi/proto-v2.js';
import { gnosticType } from '../../../server/openapi/proto-v2-types.js';

const doc = openApiV2(resourceTable());
const bytes = encodeOpenApiV2(doc);

function decode(encoded: Uint8Array): any {
  const Document = gnosticType('Document');
  return Document.toObject(Document.decode(encoded));
}

const decoded = decode(bytes);

/** A `Named*` list as a Map, the way gnostic's Go code walks `AdditionalProperties`. */
const named = (pairs: Array<{ name: string; value: any }> | undefined) => new Map((pairs ?? []).map((p) => [p.name, p.value]));
const extensions = (node: { vendor_extension?: Array<{ name: string; value: { yaml: string } }> }) =>
  Object.fromEntries((node.vendor_extension ?? []).map((e) => [e.name, YAML.parse(e.value.yaml)]));

/** The sum of `visit` over every key of every object nested in `node`. */
function tally(node: unknown, visit: (key: string, value: unknown) => number): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + tally(item, visit), 0);
  if (node === null || typeof node !== 'object') return 0;
  return Object.entries(node).reduce((n, [key, value]) => n + visit(key, value) + tally(value, visit), 0);
}

test('the top-level fields carry the numbers of gnostic openapi.v2.Document', () => {
  const reader = protobuf.Reader.create(bytes);
  const fields: number[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    fields.push(tag >>> 3);
    assert.equal(tag & 7, 2, 'every top-level field is length-delimited');
    if (tag >>> 3 === 1) assert.equal(reader.string(), '2.0');
    else reader.skipType(tag & 7);
  }
  // swagger 1, info 2, paths 8, definitions 9, security 12, security_definitions 13.
  assert.deepEqual(fields, [1, 2, 8, 9, 12, 13]);
});

test('info, security and security definitions', () => {
  assert.deepEqual(decoded.info, { title: 'Kubernetes', version: 'v1.32.4' });
  assert.deepEqual(decoded.security, [{ additional_properties: [{ name: 'BearerToken', value: {} }] }]);
  assert.deepEqual(named(decoded.security_definitions.additional_properties).get('BearerToken'), {
    api_key_security: { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication' },
  });
});

test('paths keep their order, operations their parameters, responses and vendor extensions', () => {
  assert.deepEqual(decoded.paths.path.map((p: any) => p.name), Object.keys(doc.paths));
  const item = named(decoded.paths.path).get('/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}');
  assert.deepEqual(item.parameters[0], {
    parameter: { non_body_parameter: { path_parameter_sub_schema: { required: true, in: 'path', description: 'name of the DaemonSet', name: 'name', type: 'string', unique_items: true } } },
  });
  const patch = item.patch;
  assert.equal(patch.operation_id, 'patchAppsV1NamespacedDaemonSet');
  assert.deepEqual(extensions(patch), { 'x-kubernetes-action': 'patch', 'x-kubernetes-group-version-kind': { group: 'apps', kind: 'DaemonSet', version: 'v1' } });
  assert.deepEqual(patch.parameters[0], {
    parameter: { body_parameter: { name: 'body', in: 'body', required: true, schema: { _ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } } },
  });
  const query = patch.parameters.map((p: any) => p.parameter.non_body_parameter?.query_parameter_sub_schema).filter(Boolean);
  assert.deepEqual(query.find((q: any) => q.name === 'fieldValidation'), {
    in: 'query', name: 'fieldValidation', type: 'string', unique_items: true,
    description: (doc.paths as any)['/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}'].patch.parameters.find((p: any) => p.name === 'fieldValidation').description,
  });
  const responses = named(patch.responses.response_code);
  assert.deepEqual([...responses.keys()], ['200', '201', '401']);
  assert.deepEqual(responses.get('200'), { response: { description: 'OK', schema: { schema: { _ref: '#/definitions/io.k8s.api.apps.v1.DaemonSet' } } } });
  assert.deepEqual(responses.get('401'), { response: { description: 'Unauthorized' } });
});

test('definitions keep properties, references, lists, maps and Kubernetes extensions', () => {
  const definitions = named(decoded.definitions.additional_properties);
  assert.deepEqual([...definitions.keys()], Object.keys(doc.definitions));
  const daemonSet = definitions.get('io.k8s.api.apps.v1.DaemonSet');
  assert.deepEqual(daemonSet.type, { value: ['object'] });
  assert.deepEqual(extensions(daemonSet), { 'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'DaemonSet', version: 'v1' }] });
  const fields = named(daemonSet.properties.additional_properties);
  assert.deepEqual([...fields.keys()], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  assert.equal(fields.get('spec')._ref, '#/definitions/io.k8s.api.apps.v1.DaemonSetSpec');

  const container = named(definitions.get('io.k8s.api.core.v1.Container').properties.additional_properties);
  const ports = container.get('ports');
  assert.deepEqual(ports.items, { schema: [{ _ref: '#/definitions/io.k8s.api.core.v1.ContainerPort' }] });
  assert.deepEqual(extensions(ports), {
    'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'containerPort',
    'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
  });
  assert.deepEqual(container.get('command').items, { schema: [{ type: { value: ['string'] } }] });

  const labels = named(definitions.get('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta').properties.additional_properties).get('labels');
  assert.deepEqual(labels.type, { value: ['object'] });
  assert.deepEqual(labels.additional_properties, { schema: { type: { value: ['string'] } } });
  assert.equal(labels.properties, undefined, 'a map has no properties, which is how kubectl tells it from a struct');

  const intOrString = definitions.get('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
  assert.equal(intOrString.format, 'int-or-string');
  assert.deepEqual(extensions(intOrString), { 'x-kubernetes-int-or-string': true });
});

test('nothing of the JSON document is lost: references, extensions and descriptions all arrive', () => {
  const strings = (node: unknown, key: string) => tally(node, (k, v) => Number(k === key && typeof v === 'string'));
  assert.equal(strings(decoded, '_ref'), strings(doc, '$ref'));
  assert.equal(strings(decoded, 'description'), strings(doc, 'description'));
  assert.equal(
    tally(decoded, (k, v) => (k === 'vendor_extension' ? (v as unknown[]).length : 0)),
    tally(doc, (k) => Number(k.startsWith('x-'))),
  );
  assert.equal(tally(decoded, (k) => Number(k === 'required')), tally(doc, (k) => Number(k === 'required')));
});

function minimal(extra: Partial<OpenApiV2Document> & Record<string, unknown>): OpenApiV2Document {
  return { swagger: '2.0', info: { title: 't', version: 'v' }, paths: {}, definitions: {}, securityDefinitions: {}, security: [], ...extra };
}

test('an object with empty properties stays distinguishable from a map', () => {
  const out = decode(encodeOpenApiV2(minimal({ definitions: { Empty: { type: 'object', properties: {} }, Bare: { type: 'object' } } })));
  const definitions = named(out.definitions.additional_properties);
  assert.deepEqual(definitions.get('Empty'), { type: { value: ['object'] }, properties: {} });
  assert.deepEqual(definitions.get('Bare'), { type: { value: ['object'] } });
});

test('enums, defaults and boolean additionalProperties are encoded as gnostic does', () => {
  const schema = { type: 'string', enum: ['Always', 'Never'], default: 'Always' };
  const out = decode(encodeOpenApiV2(minimal({ definitions: { Policy: schema, Open: { type: 'object', additionalProperties: false } } })));
  const definitions = named(out.definitions.additional_properties);
  assert.deepEqual(definitions.get('Policy').enum.map((e: any) => YAML.parse(e.yaml)), ['Always', 'Never']);
  assert.equal(YAML.parse(definitions.get('Policy').default.yaml), 'Always');
  assert.deepEqual(definitions.get('Open').additional_properties, { boolean: false });
});

test('a construct the encoder does not know is refused with where it is, never dropped', () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ definitions: { A: { type: 'object', xml: { name: 'a' } } } }, /at \/definitions\/A\/xml: Schema has no field for "xml"/],
    [{ paths: { '/a': { get: { parameters: [{ $ref: '#/parameters/p' }] } } } }, /at \/paths\/~1a\/get\/parameters\/0: ParametersItem has no json_reference/],
    [{ definitions: { A: { type: 'object', minProperties: '1' } } }, /at \/definitions\/A\/minProperties: expected a number/],
  ];
  for (const [extra, message] of cases) {
    assert.throws(() => encodeOpenApiV2(minimal(extra)), (err: unknown) => err instanceof ApiError && err.code === 500 && message.test(err.message));
  }
});
