import type { HandlerDeps, ResourceRequest } from './context.js';
import { PrecheckedBody } from '../registry/prechecked-body.js';
import { decodeObjectBody, decodePatchBody, isProtobufBody, jsonBodyText } from './negotiate.js';
import { requireFieldManager, writeOptions } from './query.js';
import { sendObject } from './respond.js';

/**
 * Create and update options; a protobuf body has no unknown fields to report (upstream's protobuf decoder has no
 * strict mode), so fieldValidation does not apply to it.
 */
function bodyWriteOptions(r: ResourceRequest, kind: 'CreateOptions' | 'UpdateOptions') {
  const options = writeOptions(r.query, kind);
  if (isProtobufBody(r.request)) options.fieldValidation = 'Ignore';
  return options;
}

/**
 * A create body, checked by a validation worker when one can take it: a body the worker passes reaches the store
 * as a PrecheckedBody; any other is decoded here, with every check made on this thread as before.
 */
async function decodeCreateBody(deps: HandlerDeps, r: ResourceRequest): Promise<unknown> {
  const text = deps.prechecks && jsonBodyText(r.request);
  const verdict = text === undefined ? undefined : deps.prechecks?.check(r.def, r.namespace ?? '', text);
  if (verdict && (await verdict)) return new PrecheckedBody(JSON.parse(text!) as Record<string, unknown>);
  return decodeObjectBody(r.request, r.def);
}

export async function createObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = bodyWriteOptions(r, 'CreateOptions');
  const obj = store.create(r.def, r.namespace ?? '', await decodeCreateBody(deps, r), options);
  return sendObject(deps, r, 201, obj, options.warnings);
}

export function updateObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = { ...bodyWriteOptions(r, 'UpdateOptions'), subresource: r.subresource as 'status' | undefined };
  const result = store.update(r.def, r.namespace ?? '', r.name!, decodeObjectBody(r.request, r.def), options);
  return sendObject(deps, r, result.created ? 201 : 200, result.object, options.warnings);
}

export function patchObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = { ...writeOptions(r.query, 'PatchOptions'), subresource: r.subresource as 'status' | undefined };
  const { patchType, patch } = decodePatchBody(r.request);
  if (patchType === 'apply') requireFieldManager(options.fieldManager);
  const result = store.patch(r.def, r.namespace ?? '', r.name!, patchType, patch, options);
  return sendObject(deps, r, result.created ? 201 : 200, result.object, options.warnings);
}
