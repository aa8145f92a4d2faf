import jsonPatch from 'fast-json-patch';
import jsonMergePatch from 'json-merge-patch';
import type { TSchema } from '@sinclair/typebox';
import { ApiError, badRequest } from '../../errors.js';
import { applyStrategicMergePatch } from './strategic.js';
import { isPlainObject } from '../json-value.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** Upstream answers a patch that cannot be applied with a generic 422 whose cause carries the reason. */
function unprocessable(reason: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: reason }],
  });
}

/**
 * Applies a patch document to a copy of `original`; the result is then treated exactly like an update body. The
 * schema drives strategic merge (list merge keys); without one, lists are replaced whole.
 */
export function applyPatch(schema: TSchema | undefined, type: PatchType, original: unknown, patch: unknown): unknown {
  const target = structuredClone(original);
  switch (type) {
    case 'merge':
      if (!isPlainObject(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
      return jsonMergePatch.apply(target, patch);
    case 'apply':
      // Server-side apply without field ownership: the applied configuration is merged into the live object the
      // way a strategic merge patch would be; fields it no longer mentions are kept (see docs/kubectl.md).
      if (!isPlainObject(patch)) throw badRequest('error decoding YAML: the applied configuration must be an object');
      return applyStrategicMergePatch(target, patch, schema);
    case 'strategic':
      if (!isPlainObject(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
      return applyStrategicMergePatch(target, patch, schema);
    case 'json': {
      if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      const invalidOp = jsonPatch.validate(patch as jsonPatch.Operation[]);
      if (invalidOp) throw badRequest(invalidOp.message.split('\n')[0]);
      try {
        return jsonPatch.applyPatch(target, patch as jsonPatch.Operation[], true, true).newDocument;
      } catch (err) {
        throw unprocessable(err instanceof Error ? err.message.split('\n')[0] : String(err));
      }
    }
  }
}
