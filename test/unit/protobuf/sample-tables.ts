import { metaV1 } from '../../../schemas/proto/meta-v1.js';
import { intstr, resource, runtime } from '../../../schemas/proto/runtime.js';
import type { ProtoPackage } from '../../../schemas/proto/types.js';
import { ProtobufCodec } from '../../../server/protobuf/codec.js';
import { ProtoRegistry } from '../../../server/protobuf/registry.js';

/** A small package exercising every kind of field the tables use, on top of the real shared packages. */
export const sample: ProtoPackage = {
  package: 'example.test.v1',
  alias: 'example',
  apiVersion: 'example.test/v1',
  messages: {
    Widget: { metadata: '1 meta.ObjectMeta', spec: '2 WidgetSpec', status: '3 WidgetStatus?' },
    WidgetSpec: {
      name: '1 string',
      replicas: '2 int32?',
      size: '3 int64',
      enabled: '4 bool',
      ratio: '5 double',
      tags: '6 string[]',
      ports: '7 int32[]',
      labels: '8 map<string,string>',
      data: '9 map<string,bytes>',
      blob: '10 bytes',
      limits: '11 map<string,resource.Quantity>',
      target: '12 intstr.IntOrString',
      maxSurge: '13 intstr.IntOrString?',
      startedAt: '14 meta.Time?',
      seenAt: '15 meta.MicroTime',
      timeout: '16 meta.Duration',
      raw: '17 runtime.RawExtension',
      ref: '18 Ref^',
      items: '19 Item[]',
      paused: '20 bool?',
      note: '21 string?',
      counts: '22 map<string,int32>',
      refName: '23 string',
    },
    Ref: { refName: '1 string', refKind: '2 string' },
    Item: { key: '1 string', count: '2 int32' },
    WidgetStatus: { phase: '1 string', observed: '2 int64' },
  },
};

export function sampleCodec(): ProtobufCodec {
  return new ProtobufCodec(new ProtoRegistry([metaV1, runtime, intstr, resource, sample]));
}

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
