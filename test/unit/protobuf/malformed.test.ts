import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../../server/errors.js';
import { decodeProtobufBody } from '../../../server/protobuf/body.js';
import type { ProtobufCodec } from '../../../server/protobuf/codec.js';
import { encodeMessage } from '../../../server/protobuf/encode.js';
import { ProtobufError } from '../../../server/protobuf/errors.js';
import { protobufCodec } from '../../../server/protobuf/index.js';
import { PROTOBUF_MAGIC } from '../../../server/protobuf/well-known.js';
import { sampleCodec } from './sample-tables.js';

const sample = sampleCodec();

/** An envelope around hand-made raw bytes. */
function envelope(codec: ProtobufCodec, typeMeta: Record<string, string>, rawHex: string): Buffer {
  const unknown = codec.registry.message('k8s.io.apimachinery.pkg.runtime.Unknown');
  return Buffer.concat([PROTOBUF_MAGIC, encodeMessage({ typeMeta, raw: Buffer.from(rawHex, 'hex') }, unknown)]);
}

const WIDGET = { apiVersion: 'example.test/v1', kind: 'Widget' };

function decodeError(bytes: Uint8Array, defaults?: { apiVersion: string; kind: string }): ProtobufError {
  try {
    sample.decode(bytes, defaults);
  } catch (err) {
    assert.ok(err instanceof ProtobufError, `a ProtobufError, not ${String(err)}`);
    return err;
  }
  assert.fail('the bytes decoded');
}

/** [what, bytes, message, whether the kind was known by then] */
const cases: Array<[string, () => Uint8Array, RegExp, boolean]> = [
  ['no bytes', () => new Uint8Array(), /does not appear to be a protobuf message, expected prefix \[107 56 115 0\]/, false],
  ['JSON sent as protobuf', () => Buffer.from('{"kind":"Widget"}'), /does not appear to be a protobuf message/, false],
  ['the magic alone', () => PROTOBUF_MAGIC, /^empty body$/, false],
  ['an envelope cut short', () => envelope(sample, WIDGET, '0a030a0177').subarray(0, 12), /^unexpected EOF$/, false],
  ['a field with the wrong wire type', () => envelope(sample, WIDGET, '0805'), /^proto: wrong wireType = 0 for field metadata$/, true],
  ['a nested field with the wrong wire type', () => envelope(sample, WIDGET, '0a020805'), /^proto: wrong wireType = 0 for field name$/, true],
  ['a length running past the end', () => envelope(sample, WIDGET, '0a7f'), /^unexpected EOF$/, true],
  ['wire type 7', () => envelope(sample, WIDGET, '9f06'), /^proto: illegal wireType 7$/, true],
  ['field number 0', () => envelope(sample, WIDGET, '0001'), /^proto: illegal tag 0 \(wire type 0\)$/, true],
  ['a kind no table has', () => envelope(sample, { apiVersion: 'example.test/v1', kind: 'Gadget' }, ''), /^no kind "Gadget" is registered for version "example.test\/v1"$/, true],
  ['a version no table has', () => envelope(sample, { apiVersion: 'example.test/v9', kind: 'Widget' }, ''), /^no kind "Widget" is registered for version "example.test\/v9"$/, true],
  ['an envelope without a kind, and no default', () => envelope(sample, {}, ''), /^Object 'Kind' is missing/, false],
  ['managedFields whose FieldsV1 is not JSON', () => envelope(sample, WIDGET, '0a0a' + '8a0107' + '3a05' + '0a03010203'), /FieldsV1 does not hold JSON/, true],
];

describe('malformed protobuf bodies', () => {
  for (const [what, bytes, message, typed] of cases) {
    test(what, () => {
      const err = decodeError(bytes());
      assert.match(err.message, message);
      assert.equal(err.gvk !== undefined, typed);
    });
  }

  test('an envelope that leaves out its kind is decoded as the kind the URL expects', () => {
    assert.deepEqual(sample.decode(envelope(sample, {}, '0a030a0177'), WIDGET).object, { ...WIDGET, metadata: { name: 'w' } });
  });

  test('every truncation of a valid body either still decodes or is a ProtobufError, never another failure', () => {
    const full = sample.encode({
      ...WIDGET,
      metadata: { name: 'w', labels: { a: 'b' }, creationTimestamp: '2024-01-01T00:00:00Z' },
      spec: { tags: ['x'], limits: { cpu: '1' }, target: 'http', raw: { a: 1 }, items: [{ key: 'k' }] },
    });
    let failures = 0;
    for (let length = 0; length < full.length; length++) {
      try {
        sample.decode(full.subarray(0, length));
      } catch (err) {
        assert.ok(err instanceof ProtobufError, `at ${length} bytes: ${String(err)}`);
        failures++;
      }
    }
    assert.ok(failures > full.length / 2);
  });

  test('random corruption of a valid body never fails other than with a ProtobufError', () => {
    const full = sample.encode({ ...WIDGET, metadata: { name: 'w' }, spec: { ports: [1, 2], labels: { a: 'b' }, seenAt: '2024-01-01T00:00:00.5Z' } });
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from(full);
      const at = PROTOBUF_MAGIC.length + Math.floor(random() * (bytes.length - PROTOBUF_MAGIC.length));
      bytes[at] = Math.floor(random() * 256);
      try {
        sample.decode(bytes);
      } catch (err) {
        assert.ok(err instanceof ProtobufError, `byte ${at} = ${bytes[at]}: ${String(err)}`);
        assert.doesNotMatch(err.message, /undefined|null|is not a function/, `byte ${at} = ${bytes[at]}`);
      }
    }
  });
});

describe('a malformed request body is a 400 worded like upstream', () => {
  const codec = protobufCodec();
  const CONFIGMAP = { apiVersion: 'v1', kind: 'ConfigMap' };
  const cases: Array<[string, () => Uint8Array, string]> = [
    ['bad magic quotes JSON as text', () => Buffer.from('{"a":1}'),
      'the object provided is unrecognized (must be of type ConfigMap): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"a":1})'],
    ['bad magic quotes binary in hex, 30 bytes at most', () => Buffer.alloc(40, 0xab),
      `the object provided is unrecognized (must be of type ConfigMap): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] (${'ab'.repeat(30)} ...)`],
    ['a broken object names its kind', () => envelope(codec, CONFIGMAP, '0a7f'),
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: unexpected EOF'],
    ['an unknown kind', () => envelope(codec, { apiVersion: 'apps/v1', kind: 'Nope' }, ''),
      'Nope in version "v1" cannot be handled as a ConfigMap: no kind "Nope" is registered for version "apps/v1"'],
  ];
  for (const [what, bytes, message] of cases) {
    test(what, () => {
      assert.throws(() => decodeProtobufBody(bytes(), CONFIGMAP), (err: unknown) => {
        assert.ok(err instanceof ApiError);
        assert.deepEqual([err.code, err.reason, err.message], [400, 'BadRequest', message]);
        return true;
      });
    });
  }
});
