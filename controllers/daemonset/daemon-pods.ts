import type { KubeObject } from '../../schemas/meta.js';
import { labelSelectorFromObject, matchesLabels } from '../../server/registry/selectors/label-selector.js';
import { claimObjects } from '../runtime/claim.js';
import { isPodTerminal, podTargetNode } from '../runtime/pod-state.js';
import type { SyncDeps } from './deps.js';
import { podState, type DaemonPod, type DaemonSet, type NodeToDaemonPods } from './types.js';

/** The DaemonSet's selector as a predicate on labels; one that does not parse fails the sync, as upstream's. */
function selectorMatcher(ds: DaemonSet): (labels: Record<string, string> | undefined) => boolean {
  const reqs = labelSelectorFromObject(ds.spec?.selector);
  return (labels) => matchesLabels(reqs, labels);
}

/**
 * The handlers' lookup (GetPodDaemonSets / GetHistoryDaemonSets): an object without labels belongs to no
 * DaemonSet, and a DaemonSet whose selector is empty must match nothing here rather than everything.
 */
export function selectsObject(ds: DaemonSet, obj: KubeObject): boolean {
  const labels = obj.metadata.labels;
  if (!labels || Object.keys(labels).length === 0) return false;
  try {
    const reqs = labelSelectorFromObject(ds.spec?.selector);
    return reqs !== 'nothing' && reqs.length > 0 && matchesLabels(reqs, labels);
  } catch {
    return false;
  }
}

/** The selector is exactly `{}` (Go's DeepEqual with an empty LabelSelector): sync refuses to run it. */
export function selectsAll(ds: DaemonSet): boolean {
  const sel = ds.spec?.selector;
  return !!sel && sel.matchLabels === undefined && sel.matchExpressions === undefined;
}

/**
 * Claims objects for `ds` (ControllerRefManager): keeps, adopts and releases as upstream does. Adoption first
 * re-reads the DaemonSet from the store; if it is gone or being deleted the sync fails rather than act on it.
 */
export function claimForDaemonSet(deps: SyncDeps, ds: DaemonSet, objects: KubeObject[], kind: 'pods' | 'revisions'): KubeObject[] {
  const { store } = deps.ctx;
  const matches = selectorMatcher(ds);
  let refused = false;
  const claimed = claimObjects(objects, {
    store,
    def: deps.defs[kind],
    owner: ds,
    matches: (obj) => matches(obj.metadata.labels),
    canAdopt: () => {
      const fresh = store.tryGet(deps.defs.daemonSets, ds.metadata.namespace ?? '', ds.metadata.name!);
      refused = !fresh || fresh.metadata.uid !== ds.metadata.uid || !!fresh.metadata.deletionTimestamp;
      return !refused;
    },
  });
  if (refused) {
    throw new Error(`can't adopt ${kind === 'pods' ? 'Pods' : 'ControllerRevisions'}: DaemonSet ${ds.metadata.namespace}/${ds.metadata.name} is gone or being deleted`);
  }
  return claimed;
}

/** getDaemonPods: every pod of the namespace is considered, so pods whose labels stopped matching get released. */
export function daemonPods(deps: SyncDeps, ds: DaemonSet): DaemonPod[] {
  return claimForDaemonSet(deps, ds, deps.informers.pods.list(ds.metadata.namespace ?? ''), 'pods') as DaemonPod[];
}

/**
 * getNodesToDaemonPods: claimed pods by target node. Finished pods that are already being deleted are left out
 * (nothing is left to do with them) unless `includeDeletedTerminal`, which history cleanup asks for.
 */
export function nodeToDaemonPods(deps: SyncDeps, ds: DaemonSet, includeDeletedTerminal: boolean): NodeToDaemonPods {
  // One sync asks several times (manage, rolling update, status, history); while the pod cache has not changed
  // in between, the answer has not either, and claiming every pod of the namespace again is the costly part.
  const revision = deps.informers.pods.revision;
  const memo = memos.get(ds);
  const cached = memo?.revision === revision ? memo.byFlag.get(includeDeletedTerminal) : undefined;
  if (cached) return cached;
  const out: NodeToDaemonPods = new Map();
  for (const pod of daemonPods(deps, ds)) {
    if (!includeDeletedTerminal && isPodTerminal(podState(pod)) && pod.metadata.deletionTimestamp) continue;
    const node = podTargetNode(podState(pod));
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  const entry = memo?.revision === revision ? memo : { revision, byFlag: new Map<boolean, NodeToDaemonPods>() };
  entry.byFlag.set(includeDeletedTerminal, out);
  memos.set(ds, entry);
  return out;
}

/** Per DaemonSet object (a new object after every change), the last grouping and the pod cache revision it saw. */
const memos = new WeakMap<DaemonSet, { revision: number; byFlag: Map<boolean, NodeToDaemonPods> }>();
