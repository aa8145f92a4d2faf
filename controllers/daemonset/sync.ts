import { nodeToDaemonPods, selectsAll } from './daemon-pods.js';
import type { SyncDeps } from './deps.js';
import { eligibilityByNode, type Eligibility } from './eligibility.js';
import { cleanupHistory, constructHistory } from './history.js';
import { podsShouldBeOnNode, unscheduledPodsWithoutNode, type NodeEnv } from './manage.js';
import { syncNodes } from './pod-control.js';
import { templateGeneration } from './pod-template.js';
import { allowsSurge, planRollingUpdate } from './rolling-update.js';
import { computeCounts, nextStatus, statusUpToDate } from './status.js';
import { REVISION_HASH_LABEL, type DaemonPod, type DaemonSet, type NodeObject, type Revision } from './types.js';

type EligibilityMap = Map<string, Eligibility>;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** manage: per node, what podsShouldBeOnNode decides, plus unbound pods pinned to nodes that are gone. */
function manage(deps: SyncDeps, ds: DaemonSet, eligibility: EligibilityMap, hash: string): void {
  const nodeToPods = nodeToDaemonPods(deps, ds, false);
  const env: NodeEnv = {
    ds,
    hash,
    surge: allowsSurge(ds),
    now: deps.ctx.clock.now(),
    backoff: deps.backoff,
    event: (type, reason, message) => deps.recorder.event(ds, type, reason, message),
    requeueAfter: (ms) => deps.enqueueAfter(ds, ms),
  };
  const create: string[] = [];
  const remove: DaemonPod[] = [];
  for (const [node, answer] of eligibility) {
    const decision = podsShouldBeOnNode(node, answer, nodeToPods.get(node), env);
    if (decision.create) create.push(node);
    remove.push(...decision.delete);
  }
  remove.push(...unscheduledPodsWithoutNode(new Set(eligibility.keys()), nodeToPods));
  syncNodes(deps, ds, remove, create, hash);
}

/** rollingUpdate: re-reads the pods (manage may just have changed them) and applies the rollout plan. */
function rollingUpdate(deps: SyncDeps, ds: DaemonSet, eligibility: EligibilityMap, hash: string): void {
  const plan = planRollingUpdate({
    ds,
    nodeToPods: nodeToDaemonPods(deps, ds, false),
    shouldRun: new Map([...eligibility].map(([node, e]) => [node, e.shouldRun])),
    hash,
    generation: templateGeneration(ds),
    now: deps.ctx.clock.now(),
  });
  syncNodes(deps, ds, plan.podsToDelete, plan.nodesToCreate, hash);
}

/**
 * updateDaemonSetStatus: writes the counts (and observedGeneration after a full sync) through the status
 * subresource only when something changed; while some pods are ready but not yet available, looks again after
 * minReadySeconds.
 */
function updateStatus(deps: SyncDeps, ds: DaemonSet, eligibility: EligibilityMap, hash: string, observe: boolean): void {
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const counts = computeCounts({
    nodes: [...eligibility].map(([name, e]) => ({ name, shouldRun: e.shouldRun })),
    nodeToPods: nodeToDaemonPods(deps, ds, false),
    hash,
    generation: templateGeneration(ds),
    minReadySeconds,
    now: deps.ctx.clock.now(),
  });
  const generation = ds.metadata.generation ?? 0;
  if (!statusUpToDate(ds.status, counts, generation)) {
    deps.ctx.store.guaranteedUpdate(deps.defs.daemonSets, ds.metadata.namespace ?? '', ds.metadata.name!, (current) => {
      if (current.metadata.uid !== ds.metadata.uid) return undefined;
      const fresh = current as DaemonSet;
      fresh.status = nextStatus(fresh.status, counts, observe ? generation : undefined);
      return fresh;
    }, { subresource: 'status' });
  }
  if (minReadySeconds > 0 && counts.numberReady !== counts.numberAvailable) deps.enqueueAfter(ds, minReadySeconds * 1000);
}

/** updateDaemonSet: manage, then (once manage's own writes are observed) the rolling update, then history cleanup. */
function updateDaemonSet(deps: SyncDeps, ds: DaemonSet, key: string, eligibility: EligibilityMap, hash: string, old: Revision[]): void {
  manage(deps, ds, eligibility, hash);
  if (deps.expectations.satisfied(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
    rollingUpdate(deps, ds, eligibility, hash);
  }
  try {
    cleanupHistory(deps, ds, old);
  } catch (err) {
    throw new Error(`failed to clean up revisions of DaemonSet: ${messageOf(err)}`);
  }
}

/**
 * syncDaemonSet, in upstream's order: a DaemonSet that selects everything or is being deleted is left alone; the
 * history gives the current hash; unmet expectations allow only a status refresh (without observing the
 * generation); otherwise pods are reconciled and status written, a reconcile error winning over a status error.
 */
export function syncDaemonSet(deps: SyncDeps, key: string): void {
  const ds = deps.informers.daemonSets.getByKey(key) as DaemonSet | undefined;
  if (!ds) {
    deps.expectations.forget(key);
    return;
  }
  const nodes = deps.informers.nodes.list() as NodeObject[];
  if (selectsAll(ds)) {
    deps.recorder.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
    return;
  }
  if (ds.metadata.deletionTimestamp) return;
  deps.backoff.gc(deps.ctx.clock.now());
  let history: ReturnType<typeof constructHistory>;
  try {
    history = constructHistory(deps, ds);
  } catch (err) {
    throw new Error(`failed to construct revisions of DaemonSet: ${messageOf(err)}`);
  }
  const { current, old } = history;
  const hash = current.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  const eligibility = eligibilityByNode(nodes, ds);
  if (!deps.expectations.satisfied(key)) {
    updateStatus(deps, ds, eligibility, hash, false);
    return;
  }
  let error: unknown;
  try {
    updateDaemonSet(deps, ds, key, eligibility, hash, old);
  } catch (err) {
    error = err;
  }
  try {
    updateStatus(deps, ds, eligibility, hash, true);
  } catch (statusError) {
    if (error === undefined) throw statusError;
  }
  if (error !== undefined) throw error;
}
