import type { HandlerDeps, ResourceRequest } from './context.js';
import { decodeObjectBody, decodePatchBody } from './negotiate.js';
import { requireFieldManager, writeOptions } from './query.js';
import { sendObject } from './respond.js';

export function createObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = writeOptions(r.query, 'CreateOptions');
  const obj = store.create(r.def, r.namespace ?? '', decodeObjectBody(r.request), options);
  return sendObject(deps, r, 201, obj, options.warnings);
}

export function updateObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = { ...writeOptions(r.query, 'UpdateOptions'), subresource: r.subresource as 'status' | undefined };
  const result = store.update(r.def, r.namespace ?? '', r.name!, decodeObjectBody(r.request), options);
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
