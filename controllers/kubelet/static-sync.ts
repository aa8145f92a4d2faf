import { ApiError } from '../../server/errors.js';
import { splitKey } from '../runtime/informer.js';
import type { PodObject } from './pod-status.js';
import { deleteNow } from './pod-sync.js';
import type { DesiredMirror } from './static-pod-set.js';
import { isMirrorPod, mirrorHash } from './static-pods.js';
import { liveNode, type KubeletState } from './state.js';

/** Created through the store like any client's pod; a name held by a pod that is not our mirror is left alone. */
function createMirror(state: KubeletState, key: string, want: DesiredMirror): void {
  const { namespace } = splitKey(key);
  try {
    state.ctx.store.create(state.defs.pods, namespace, want.pod);
  } catch (err) {
    // A missing namespace may appear later: the queue's backoff retries. A clash or an invalid manifest waits
    // for the next change of the pods or of the file.
    if (!(err instanceof ApiError) || err.code === 404) throw err;
    state.ctx.log(`kubelet: failed creating a mirror pod for ${key}: ${err.message}`);
  }
}

/**
 * Upstream's mirror pod handling for one node: a mirror that is outdated (its hash is not the file's), orphaned
 * (no file any more) or being deleted through the API is deleted at once with a uid precondition, and every
 * static pod without a mirror gets a new one. Nothing is judged before the directory has been read once.
 */
export function syncStaticPods(state: KubeletState, nodeName: string): void {
  if (!state.statics.ready) return;
  const node = liveNode(state, nodeName);
  if (!node || node.metadata.deletionTimestamp) return;
  const desired = state.statics.desiredFor(node);
  for (const key of [...(state.podsByNode.get(nodeName) ?? [])]) {
    const pod = state.pods.getByKey(key) as PodObject | undefined;
    if (!pod || !isMirrorPod(pod)) continue;
    const current = desired.get(key)?.hash === mirrorHash(pod);
    if (current && !pod.metadata.deletionTimestamp) continue;
    if (!current) state.statics.forget(pod);
    deleteNow(state, pod);
  }
  for (const [key, want] of desired) {
    const existing = state.pods.getByKey(key);
    if (!existing) createMirror(state, key, want);
    else if (!isMirrorPod(existing)) state.ctx.log(`kubelet: pod ${key} exists and is not the mirror of a static pod`);
  }
}
