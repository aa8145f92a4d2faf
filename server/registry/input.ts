import type { KubeObject } from '../../schemas/meta.js';
import { badRequest } from '../errors.js';
import { assertWellTyped, pruneUnknownFields } from './decode.js';
import { documentOrder, duplicateFieldsOf, strictDecodingProblems } from './duplicate-fields.js';
import type { FieldValidation } from './options.js';
import type { ResourceDef } from './resource.js';
import { isPlainObject } from './json-value.js';

/**
 * Turns a decoded request body into an object of the resource's kind, the checks upstream's decoder and request
 * handlers make before any strategy runs: an object of this kind and version, in the URL's namespace (and under the
 * URL's name, for updates), with unknown fields dropped, reported or refused per fieldValidation, and well typed.
 */
export function objectFromBody(
  def: ResourceDef,
  body: unknown,
  target: { namespace: string; name?: string },
  fieldValidation: FieldValidation,
  warnings: string[],
): KubeObject {
  if (!isPlainObject(body)) {
    throw badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: the body must be a JSON object`);
  }
  if (body.apiVersion !== undefined && body.apiVersion !== def.apiVersion) {
    throw badRequest(
      `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${def.apiVersion})`,
    );
  }
  if (body.kind !== undefined && body.kind !== def.kind) {
    throw badRequest(
      `${String(body.kind)} in version "${def.version}" cannot be handled as a ${def.kind}: ` +
        `the kind in the data does not match the resource ${def.key}`,
    );
  }
  checkFields(def, body, fieldValidation, warnings);
  if (body.metadata === undefined) body.metadata = {};
  assertWellTyped(def, body);
  const obj = body as KubeObject;
  obj.apiVersion = def.apiVersion;
  obj.kind = def.kind;
  if (def.namespaced) {
    const given = obj.metadata.namespace;
    if (given && given !== target.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = target.namespace;
  } else if (obj.metadata.namespace) {
    // Cluster-scoped objects lose a namespace the client sent, as upstream's store does.
    delete obj.metadata.namespace;
  }
  if (target.name !== undefined && obj.metadata.name !== target.name) {
    throw badRequest(
      `the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${target.name})`,
    );
  }
  return obj;
}

/** Unknown fields are dropped, and with duplicate ones reported or refused as fieldValidation says. */
function checkFields(def: ResourceDef, body: Record<string, unknown>, fieldValidation: FieldValidation, warnings: string[]): void {
  const duplicates = duplicateFieldsOf(body);
  const order = duplicates.paths.length > 0 ? documentOrder(body) : new Map<string, number>();
  const unknown = pruneUnknownFields(def.schema, body);
  if (unknown.length === 0 && duplicates.paths.length === 0 && duplicates.yamlMessages.length === 0) return;
  const problems = strictDecodingProblems(unknown, duplicates, order);
  if (fieldValidation === 'Strict') {
    throw badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: ${problems.join(', ')}`);
  }
  if (fieldValidation === 'Warn') warnings.push(...problems);
}

/** The canonical field order upstream serialises in: kind, apiVersion, metadata, then the rest. */
export function canonical(obj: KubeObject): KubeObject {
  const { kind, apiVersion, metadata, ...rest } = obj;
  return { kind, apiVersion, metadata, ...rest };
}
