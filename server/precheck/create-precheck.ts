import { parseObjectJson } from '../http/negotiate.js';
import { prepareCreate, validateCreate } from '../registry/create-rules.js';
import { objectFromBody } from '../registry/input.js';
import { preparedText, type PreparedCreate } from '../registry/prepared-create.js';
import type { ResourceDef } from '../registry/resource.js';

/**
 * A JSON create body taken through every step the request thread would take before storing it — decoding, unknown
 * and duplicate fields, typing, defaults, the system metadata (stamped at `nowMs`, the server's clock), the kind's
 * preparation and validation — as the text to store, when all pass with nothing to report. Anything else (an error,
 * a warning, a failure of this code) is undefined: the request thread then decodes the body itself and gives the
 * answer it always gives. The steps depend only on the body, the namespace and the time, so the result is the one
 * the request thread would reach.
 */
export function prepareCreateBody(def: ResourceDef, namespace: string, text: string, nowMs: number): PreparedCreate | undefined {
  try {
    const warnings: string[] = [];
    const obj = objectFromBody(def, parseObjectJson(text), { namespace }, 'Strict', warnings);
    const generatedName = prepareCreate(def, obj, nowMs);
    validateCreate(def, obj);
    if (warnings.length > 0) return undefined;
    const prepared = preparedText(obj);
    return { text: prepared.text, metadataEnd: prepared.metadataEnd, name: obj.metadata.name!, uid: obj.metadata.uid!, generatedName };
  } catch {
    return undefined;
  }
}
