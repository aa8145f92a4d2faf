import type { HandlerDeps, ResourceRequest } from './context.js';
import type { ResourceDef } from '../registry/resource.js';
import { decodeOptionalBody, send } from './negotiate.js';
import { deleteOptions, listOptions } from './query.js';

/** DeleteOptions is served in every group-version, so a protobuf body may name any of them. */
const deleteOptionsOf = (def: ResourceDef) => ({ apiVersion: def.apiVersion, kind: 'DeleteOptions' });

export function deleteObject({ store }: HandlerDeps, r: ResourceRequest) {
  const options = deleteOptions(r.query, decodeOptionalBody(r.request, deleteOptionsOf(r.def)));
  const { object, removed } = store.delete(r.def, r.namespace ?? '', r.name!, options);
  // Upstream answers 202 only for an object that lingers after a request with orphanDependents=false (older
  // clients depend on 200 otherwise); the body is the object for kinds that return it and for objects only
  // marked, otherwise a Success Status naming what was deleted.
  const code = !removed && options.orphanDependents === false ? 202 : 200;
  if (!removed || r.def.returnDeletedObject) return send(r.request, r.reply, code, object, options.warnings);
  return send(r.request, r.reply, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: object.metadata.name, group: r.def.group, kind: r.def.resource, uid: object.metadata.uid },
  }, options.warnings);
}

export function deleteCollection({ store }: HandlerDeps, r: ResourceRequest) {
  const options = deleteOptions(r.query, decodeOptionalBody(r.request, deleteOptionsOf(r.def)));
  const items = store.deleteCollection(r.def, r.namespace, listOptions(r.query), options);
  return send(r.request, r.reply, 200, {
    kind: r.def.listKind,
    apiVersion: r.def.apiVersion,
    metadata: { resourceVersion: String(store.currentRv()) },
    items,
  }, options.warnings);
}
