/**
 * Upstream's length-delimited framing for protobuf streams (pkg/util/framer): each frame is a 4-byte big-endian
 * length, then that many bytes.
 */
export function lengthPrefixed(bytes: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(4 + bytes.length);
  frame.writeUInt32BE(bytes.length, 0);
  frame.set(bytes, 4);
  return frame;
}

/** Splits a stream's bytes into its complete frames; `rest` is a trailing partial frame, kept for more bytes. */
export function readFrames(stream: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let offset = 0;
  while (stream.length - offset >= 4) {
    const length = stream.readUInt32BE(offset);
    if (stream.length - offset - 4 < length) break;
    frames.push(stream.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return { frames, rest: stream.subarray(offset) };
}
