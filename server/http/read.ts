import type { HandlerDeps, ResourceRequest } from './context.js';
import { listOptions } from './query.js';
import { sendList, sendStored } from './respond.js';

export function getObject(deps: HandlerDeps, r: ResourceRequest) {
  return sendStored(deps, r, deps.store.getRaw(r.def, r.namespace ?? '', r.name!));
}

export function listObjects(deps: HandlerDeps, r: ResourceRequest) {
  return sendList(deps, r, deps.store.list(r.def, r.namespace, listOptions(r.query)));
}
