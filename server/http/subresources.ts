import { bindPod, validateBinding } from '../registry/subresources/binding.js';
import { readEviction } from '../registry/subresources/eviction.js';
import { applyScale, toScale } from '../registry/subresources/scale.js';
import { applyPatch } from '../registry/patch/apply.js';
import type { HandlerDeps, ResourceRequest } from './context.js';
import { decodeObjectBody, decodePatchBody, send } from './negotiate.js';
import { writeOptions } from './query.js';

/** The Status upstream answers a successful binding or eviction with. */
const CREATED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

/** The kinds these subresources read, for a protobuf body whose envelope leaves them out. */
const SCALE = { apiVersion: 'autoscaling/v1', kind: 'Scale' };
const BINDING = { apiVersion: 'v1', kind: 'Binding' };
const EVICTION = { apiVersion: 'policy/v1', kind: 'Eviction' };

export function getScale({ store }: HandlerDeps, r: ResourceRequest) {
  return send(r.request, r.reply, 200, toScale(r.def, store.get(r.def, r.namespace!, r.name!)));
}

export function updateScale({ store }: HandlerDeps, r: ResourceRequest) {
  const options = writeOptions(r.query, 'UpdateOptions');
  const body = decodeObjectBody(r.request, SCALE);
  const updated = store.guaranteedUpdate(r.def, r.namespace!, r.name!, (current) => applyScale(r.def, current, body), options);
  return send(r.request, r.reply, 200, toScale(r.def, updated!), options.warnings);
}

export function patchScale({ store }: HandlerDeps, r: ResourceRequest) {
  const options = writeOptions(r.query, 'PatchOptions');
  const { patchType, patch } = decodePatchBody(r.request);
  const updated = store.guaranteedUpdate(r.def, r.namespace!, r.name!, (current) => {
    const scale = applyPatch(undefined, patchType, toScale(r.def, current), patch);
    return applyScale(r.def, current, scale);
  }, options);
  return send(r.request, r.reply, 200, toScale(r.def, updated!), options.warnings);
}

export function createBinding({ store, clock }: HandlerDeps, r: ResourceRequest) {
  const options = writeOptions(r.query, 'CreateOptions');
  const binding = validateBinding(decodeObjectBody(r.request, BINDING), r.name!);
  store.updateBypassingStrategy(r.def, r.namespace!, r.name!, (pod) => bindPod(r.def, pod, binding, clock.now()), options);
  return send(r.request, r.reply, 201, CREATED);
}

export function createEviction({ store }: HandlerDeps, r: ResourceRequest) {
  const options = { ...writeOptions(r.query, 'CreateOptions'), ...readEviction(decodeObjectBody(r.request, EVICTION), r.name!) };
  store.delete(r.def, r.namespace!, r.name!, options);
  return send(r.request, r.reply, 201, CREATED);
}
