import type { HandlerDeps, ResourceRequest } from './context.js';
import { decodeObjectBody, decodePatchBody, send } from './negotiate.js';
import { writeOptions } from './query.js';

export function createObject({ store }: HandlerDeps, r: ResourceRequest) {
  const options = writeOptions(r.query, 'CreateOptions');
  const obj = store.create(r.def, r.namespace ?? '', decodeObjectBody(r.request), options);
  return send(r.request, r.reply, 201, obj, options.warnings);
}

export function updateObject({ store }: HandlerDeps, r: ResourceRequest) {
  const options = { ...writeOptions(r.query, 'UpdateOptions'), subresource: r.subresource };
  const result = store.update(r.def, r.namespace ?? '', r.name!, decodeObjectBody(r.request), options);
  return send(r.request, r.reply, result.created ? 201 : 200, result.object, options.warnings);
}

export function patchObject({ store }: HandlerDeps, r: ResourceRequest) {
  const options = { ...writeOptions(r.query, 'PatchOptions'), subresource: r.subresource };
  const { patchType, patch } = decodePatchBody(r.request);
  const obj = store.patch(r.def, r.namespace ?? '', r.name!, patchType, patch, options);
  return send(r.request, r.reply, 200, obj, options.warnings);
}
