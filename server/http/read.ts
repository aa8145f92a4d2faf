import type { HandlerDeps, ResourceRequest } from './context.js';
import { inListTurn } from './list-turns.js';
import { listOptions } from './query.js';
import { sendList, sendStored } from './respond.js';

export function getObject(deps: HandlerDeps, r: ResourceRequest) {
  return sendStored(deps, r, deps.store.getRaw(r.def, r.namespace ?? '', r.name!));
}

export function listObjects(deps: HandlerDeps, r: ResourceRequest) {
  const options = listOptions(r.query);
  return inListTurn(() => sendList(deps, r, deps.store.list(r.def, r.namespace, options)));
}
