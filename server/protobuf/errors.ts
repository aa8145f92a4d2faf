/**
 * A body that is not a well-formed protobuf message of the kind it claims, worded like gogo-protobuf's errors
 * (`proto: wrong wireType = 0 for field name`, `unexpected EOF`); the HTTP layer answers it with 400 BadRequest.
 */
export class ProtobufError extends Error {
  constructor(
    message: string,
    /** The apiVersion and kind the body claimed, once the envelope named them. */
    readonly gvk?: { apiVersion: string; kind: string },
  ) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/** Turns what protobufjs' Reader throws on bytes that run out or make no sense into a ProtobufError. */
export function asProtobufError(err: unknown): ProtobufError {
  if (err instanceof ProtobufError) return err;
  if (err instanceof RangeError) return new ProtobufError('unexpected EOF');
  const message = err instanceof Error ? err.message : String(err);
  const wireType = /invalid wire type (\d+)/.exec(message);
  return new ProtobufError(wireType ? `proto: illegal wireType ${wireType[1]}` : `proto: ${message}`);
}
