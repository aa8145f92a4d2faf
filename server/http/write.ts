import type { HandlerDeps, ResourceRequest } from './context.js';
import type { UpdateOptions } from '../registry/options.js';
import type { PreparedCreate } from '../registry/prepared-create.js';
import { decodeObjectBody, decodePatchBody, isProtobufBody, jsonBodyText } from './negotiate.js';
import { requireFieldManager, writeOptions } from './query.js';
import { sendObject, sendStored } from './respond.js';

/**
 * Create and update options; a protobuf body has no unknown fields to report (upstream's protobuf decoder has no
 * strict mode), so fieldValidation does not apply to it.
 */
function bodyWriteOptions(r: ResourceRequest, kind: 'CreateOptions' | 'UpdateOptions') {
  const options = writeOptions(r.query, kind);
  if (isProtobufBody(r.request)) options.fieldValidation = 'Ignore';
  return options;
}

/** The create body as a validation worker prepared it, when one could take it and passed it. */
async function preparedByWorker(deps: HandlerDeps, r: ResourceRequest): Promise<PreparedCreate | undefined> {
  const text = deps.prechecks && jsonBodyText(r.request);
  return text === undefined ? undefined : deps.prechecks?.prepare(r.def, r.namespace ?? '', text, deps.clock.now());
}

/** A body a worker prepared is stored as it is; any other is decoded here, with every check made on this thread. */
export async function createObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options = bodyWriteOptions(r, 'CreateOptions');
  const prepared = await preparedByWorker(deps, r);
  if (prepared) return sendStored(deps, r, store.createPrepared(r.def, r.namespace ?? '', prepared, options), 201);
  return sendObject(deps, r, 201, store.create(r.def, r.namespace ?? '', decodeObjectBody(r.request, r.def), options), options.warnings);
}

export function updateObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options: UpdateOptions = bodyWriteOptions(r, 'UpdateOptions');
  options.subresource = r.subresource as 'status' | undefined;
  const result = store.update(r.def, r.namespace ?? '', r.name!, decodeObjectBody(r.request, r.def), options);
  return sendObject(deps, r, result.created ? 201 : 200, result.object, options.warnings);
}

export function patchObject(deps: HandlerDeps, r: ResourceRequest) {
  const { store } = deps;
  const options: UpdateOptions = writeOptions(r.query, 'PatchOptions');
  options.subresource = r.subresource as 'status' | undefined;
  const { patchType, patch } = decodePatchBody(r.request);
  if (patchType === 'apply') requireFieldManager(options.fieldManager);
  const result = store.patch(r.def, r.namespace ?? '', r.name!, patchType, patch, options);
  return sendObject(deps, r, result.created ? 201 : 200, result.object, options.warnings);
}
