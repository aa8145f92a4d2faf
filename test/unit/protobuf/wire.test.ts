import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeMessage } from '../../../server/protobuf/decode.js';
import { encodeMessage } from '../../../server/protobuf/encode.js';
import { lengthPrefixed, readFrames } from '../../../server/protobuf/frames.js';
import { hex, sampleCodec } from './sample-tables.js';

// Byte layouts as upstream's Go marshallers write them (runtime.Unknown, gogo-generated code, framer).
const codec = sampleCodec();
const spec = codec.registry.message('example.test.v1.WidgetSpec');
const ctx = { embedded: (bytes: Uint8Array) => codec.decode(bytes).object };
const text = (s: string) => Buffer.from(s).toString('hex');

function varint(n: number): string {
  const out: number[] = [];
  for (let v = n; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      out.push(v);
      break;
    }
    out.push((v % 128) | 0x80);
  }
  return Buffer.from(out).toString('hex');
}

const fromHex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'));
const encodeSpec = (value: Record<string, unknown>) => hex(encodeMessage(value, spec));
/** WidgetSpec's embedded Ref (field 18), which Go writes even when empty, after every lower-numbered field. */
const EMPTY_REF = '920100';
const decodeSpec = (h: string) => decodeMessage(fromHex(h), spec, ctx);

test('an object travels as k8s\\0, then an Unknown of typeMeta, raw, and empty contentEncoding and contentType', () => {
  const bytes = codec.encode({ apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w' }, spec: {} });
  const typeMeta = `0a0f${text('example.test/v1')}1206${text('Widget')}`;
  const raw = '0a030a0177' + `1203${EMPTY_REF}`; // metadata {name: "w"}, spec {}
  assert.equal(hex(bytes), `6b387300` + `0a19${typeMeta}` + `120a${raw}` + '1a00' + '2200');
});

test('repeated scalars are written unpacked (proto2), and read packed or not', () => {
  assert.equal(encodeSpec({ ports: [1, 2] }), '3801' + '3802' + EMPTY_REF);
  assert.deepEqual(decodeSpec('3a020102'), { ports: [1, 2] });
  assert.deepEqual(decodeSpec('3801 3a0102'), { ports: [1, 2] });
});

test('map entries are key 1, value 2, in sorted key order', () => {
  assert.equal(encodeSpec({ labels: { b: '2', a: '1' } }), `42060a0161120131` + `42060a0162120132` + EMPTY_REF);
  assert.deepEqual(decodeSpec('42030a0162'), { labels: { b: '' } }, 'an entry without a value has the zero value');
});

test('Time is whole seconds; MicroTime keeps nanos; an empty Time is the zero time, seconds 0 the epoch', () => {
  const seconds = 1714979289;
  assert.equal(encodeSpec({ startedAt: '2024-05-06T07:08:09.5Z' }), `7206` + `08${varint(seconds)}` + EMPTY_REF);
  const micro = `08${varint(seconds)}10${varint(123456000)}`;
  assert.equal(encodeSpec({ seenAt: '2024-05-06T07:08:09.123456Z' }), `7a${varint(micro.length / 2)}${micro}` + EMPTY_REF);
  assert.deepEqual(decodeSpec('7200'), {});
  assert.deepEqual(decodeSpec('72020800'), { startedAt: '1970-01-01T00:00:00Z' });
});

test('IntOrString writes its type and the value of that type', () => {
  assert.equal(encodeSpec({ target: 8080 }), '6205' + '0800' + '10903f' + EMPTY_REF);
  assert.equal(encodeSpec({ target: 'http' }), '6208' + '0801' + `1a04${text('http')}` + EMPTY_REF);
  assert.deepEqual(decodeSpec(`620b080010903f1a04${text('http')}`), { target: 8080 }, 'type 0 reads intVal whatever else is set');
});

test('an embedded struct is one nested message, written even when empty', () => {
  assert.equal(encodeSpec({ refKind: 'Pod' }), `92010512${'03'}${text('Pod')}`);
  assert.equal(encodeSpec({}), EMPTY_REF);
});

test('Go writes every non-pointer field; zeros read back as unset, unknown fields are skipped', () => {
  assert.deepEqual(decodeSpec(`0a00 1800 2000 29${'00'.repeat(8)}`), {});
  assert.deepEqual(decodeSpec(`98060a 0a01${text('x')}`), { name: 'x' });
});

test('a watch event: type, then a RawExtension whose raw is the enveloped object; frames are 4-byte big-endian lengths', () => {
  const object = codec.encode({ apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w', resourceVersion: '7' } });
  const event = codec.encodeWatchEvent('ADDED', object);
  const rawExtension = `0a${varint(object.length)}${hex(object)}`;
  assert.equal(hex(event), `0a05${text('ADDED')}12${varint(rawExtension.length / 2)}${rawExtension}`);
  assert.deepEqual(codec.decodeWatchEvent(event), {
    type: 'ADDED',
    object: { apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w', resourceVersion: '7' } },
  });
  const framed = Buffer.concat([lengthPrefixed(event), lengthPrefixed(new Uint8Array([1, 2, 3]))]);
  assert.equal(hex(framed.subarray(0, 4)), (event.length).toString(16).padStart(8, '0'));
  const { frames, rest } = readFrames(framed.subarray(0, framed.length - 1));
  assert.deepEqual(frames.map(hex), [hex(event)]);
  assert.equal(hex(rest), '0000000301' + '02');
});

test('a RawExtension may hold an enveloped object, which reads as that object', () => {
  const inner = codec.encode({ apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'inner' } });
  const bytes = `8a01${varint(inner.length + 1 + varint(inner.length).length / 2)}0a${varint(inner.length)}${hex(inner)}`;
  assert.deepEqual(decodeSpec(bytes), { raw: { apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'inner' } } });
});
