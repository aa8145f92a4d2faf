import { toGnostic } from './proto-v2-convert.js';
import { gnosticType } from './proto-v2-types.js';
import type { OpenApiV2Document } from './v2.js';

/**
 * `/openapi/v2` as kubectl 1.27 and 1.28 fetch it for `--validate` and `explain`: the Swagger 2.0 document as a
 * gnostic `openapi.v2.Document` protobuf message, the same bytes upstream's handler gets from parsing its JSON
 * with gnostic and marshalling the result.
 */
export function encodeOpenApiV2(doc: OpenApiV2Document): Uint8Array {
  const type = gnosticType('Document');
  return type.encode(toGnostic(type, doc)).finish();
}
