import { badRequest } from '../errors.js';
import type { KindRef } from './codec.js';
import { ProtobufError } from './errors.js';
import { protobufCodec } from './index.js';

/** What upstream quotes of a body it cannot read: JSON as text, anything else in hex, 30 bytes at most. */
function summarize(bytes: Uint8Array): string {
  if (bytes.length === 0) return '<empty>';
  const head = Buffer.from(bytes.subarray(0, 30));
  const text = bytes[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return bytes.length > 30 ? `${text} ...` : text;
}

const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);

/**
 * A protobuf request body as the plain object the JSON path would have parsed, for a handler that expects `into`
 * (the URL's kind, or Scale, Eviction, DeleteOptions…). A malformed body is a 400 worded like upstream's decoder.
 */
export function decodeProtobufBody(bytes: Uint8Array, into: KindRef): Record<string, unknown> {
  try {
    return protobufCodec().decode(bytes, into).object;
  } catch (err) {
    if (!(err instanceof ProtobufError)) throw err;
    if (err.gvk) {
      throw badRequest(`${err.gvk.kind} in version "${versionOf(err.gvk.apiVersion)}" cannot be handled as a ${into.kind}: ${err.message}`);
    }
    throw badRequest(`the object provided is unrecognized (must be of type ${into.kind}): ${err.message} (${summarize(bytes)})`);
  }
}
