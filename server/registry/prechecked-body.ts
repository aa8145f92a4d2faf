/**
 * A create body a validation worker has already run through every check of a create (decoding, unknown and
 * duplicate fields, typing, defaults, validation) and found valid with nothing to report. Only the worker pool
 * makes these (JSON cannot), so the store can skip repeating that work on the request thread.
 */
export class PrecheckedBody {
  constructor(readonly value: Record<string, unknown>) {}
}
