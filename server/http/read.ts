import type { HandlerDeps, ResourceRequest } from './context.js';
import { send } from './negotiate.js';
import { listOptions } from './query.js';

export function getObject({ store }: HandlerDeps, r: ResourceRequest) {
  const obj = store.get(r.def, r.namespace ?? '', r.name!);
  return send(r.request, r.reply, 200, obj);
}

export function listObjects({ store }: HandlerDeps, r: ResourceRequest) {
  const result = store.list(r.def, r.namespace, listOptions(r.query));
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  return send(r.request, r.reply, 200, {
    kind: r.def.listKind,
    apiVersion: r.def.apiVersion,
    metadata,
    items: result.items,
  });
}
