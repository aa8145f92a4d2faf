import { parseObjectJson } from '../http/negotiate.js';
import { prepareCreate, validateCreate } from '../registry/create-rules.js';
import { objectFromBody } from '../registry/input.js';
import type { ResourceDef } from '../registry/resource.js';

/**
 * Whether a JSON create body passes every check the request thread would make before storing it — decoding,
 * unknown and duplicate fields, typing, defaults, the kind's preparation and validation — with nothing to report.
 * Anything else (an error, a warning, a failure of this code) is false: the request thread then decodes the body
 * itself and gives the answer it always gives. The checks depend only on the body, so a true here holds there.
 */
export function createWouldPass(def: ResourceDef, namespace: string, text: string): boolean {
  try {
    const warnings: string[] = [];
    const obj = objectFromBody(def, parseObjectJson(text), { namespace }, 'Strict', warnings);
    prepareCreate(def, obj, Date.now());
    validateCreate(def, obj);
    return warnings.length === 0;
  } catch {
    return false;
  }
}
