import { isNamespaceTerminating, isNotFound } from '../runtime/api-errors.js';
import { objectKey } from '../runtime/informer.js';
import { slowStartBatch } from '../runtime/slow-start.js';
import type { SyncDeps } from './deps.js';
import { newDaemonPod } from './pod-template.js';
import type { DaemonPod, DaemonSet } from './types.js';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** utilerrors.NewAggregate's message: one error as is, several in brackets. */
function aggregate(errors: unknown[]): Error {
  const texts = errors.map(message);
  return new Error(texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`);
}

/** RealPodControl.CreatePods, with its events on the DaemonSet. */
function createPod(deps: SyncDeps, ds: DaemonSet, node: string, hash: string): void {
  try {
    const pod = deps.ctx.store.create(deps.defs.pods, ds.metadata.namespace ?? '', newDaemonPod(ds, node, hash));
    deps.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  } catch (err) {
    if (!isNamespaceTerminating(err)) deps.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${message(err)}`);
    throw err;
  }
}

/** RealPodControl.DeletePod: a pod already gone is not worth an event. */
function deletePod(deps: SyncDeps, ds: DaemonSet, pod: DaemonPod): void {
  try {
    deps.ctx.store.delete(deps.defs.pods, ds.metadata.namespace ?? '', pod.metadata.name!);
    deps.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  } catch (err) {
    if (!isNotFound(err)) deps.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${message(err)}`);
    throw err;
  }
}

/**
 * syncNodes: at most burstReplicas creates and deletes, with the expectations recorded before the first call (our
 * informers hear of a write before the call even returns). Creates go in slow-start batches that stop after a
 * failing batch; every failed or skipped call lowers the expectations again so the next sync can retry it.
 */
export function syncNodes(deps: SyncDeps, ds: DaemonSet, podsToDelete: DaemonPod[], nodesNeedingPods: string[], hash: string): void {
  const key = objectKey(ds);
  const burst = deps.config.burstReplicas;
  const creates = nodesNeedingPods.slice(0, burst);
  const deletes = podsToDelete.slice(0, burst);
  deps.expectations.expect(key, creates.length, deletes.map((p) => p.metadata.uid!));
  const errors: unknown[] = [];
  let attempted = 0;
  slowStartBatch(creates.length, (i) => {
    attempted++;
    try {
      createPod(deps, ds, creates[i], hash);
    } catch (err) {
      // A namespace being deleted fails every create; the expectation then simply runs out with the namespace.
      if (isNamespaceTerminating(err)) return;
      deps.expectations.creationObserved(key);
      errors.push(err);
      throw err;
    }
  });
  for (let skipped = creates.length - attempted; skipped > 0; skipped--) deps.expectations.creationObserved(key);
  for (const pod of deletes) {
    try {
      deletePod(deps, ds, pod);
    } catch (err) {
      deps.expectations.deletionObserved(key, pod.metadata.uid);
      if (!isNotFound(err)) errors.push(err);
    }
  }
  if (errors.length > 0) throw aggregate(errors);
}
