import { PROTO_PACKAGES } from '../../schemas/proto/index.js';
import { ProtobufCodec } from './codec.js';
import { ProtoRegistry } from './registry.js';

export { ProtobufCodec, type KindRef } from './codec.js';
export { ProtobufError } from './errors.js';
export { ProtoRegistry } from './registry.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
export const PROTOBUF_WATCH_MEDIA_TYPE = `${PROTOBUF_MEDIA_TYPE};stream=watch`;

let codec: ProtobufCodec | undefined;

/** The codec over every table, built on first use: a server whose clients all speak JSON never builds it. */
export function protobufCodec(): ProtobufCodec {
  codec ??= new ProtobufCodec(new ProtoRegistry(PROTO_PACKAGES));
  return codec;
}
