import type { KubeObject } from '../../schemas/meta.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import { matchesLabels, type LabelRequirement, type MatchesNothing } from '../../server/registry/selectors/label-selector.js';
import { claimObjects } from '../runtime/claim.js';
import type { ControllerContext } from '../runtime/context.js';
import { Controller } from '../runtime/controller.js';
import { Expectations } from '../runtime/expectations.js';
import { splitKey, type Informer } from '../runtime/informer.js';
import { isPodActive, type PodObject } from '../runtime/pod-state.js';
import { ownerHandlers, podHandlers } from './handlers.js';
import { REPLICA_KINDS, type ReplicaKind, type ReplicaKindName } from './kinds.js';
import { manageReplicas, type PodControl } from './manage.js';
import { relatedPods } from './related.js';
import { calculateStatus, statusUpToDate, withObservedGeneration, type ReplicaStatus } from './status.js';

export interface ReplicaSetControllerConfig {
  /** Which kind this instance manages; upstream runs one instance per kind over the same code. */
  kind: ReplicaKindName;
  /** The most pods created or deleted in one sync (upstream's BurstReplicas). */
  burstReplicas: number;
}

export const DEFAULT_REPLICATION_CONTROLLER_CONFIG: ReplicaSetControllerConfig = { kind: 'ReplicationController', burstReplicas: 500 };
export const DEFAULT_REPLICASET_CONFIG: ReplicaSetControllerConfig = { kind: 'ReplicaSet', burstReplicas: 500 };

/**
 * Two objects the API server would refuse but loose ReplicaSet storage lets through would make the controller
 * create pods forever (it would release each pod it creates): a selector that selects nothing or everything, or one
 * its own template does not satisfy. Validation keeps both out of ReplicationControllers.
 */
function selectsOwnTemplate(selector: LabelRequirement[] | MatchesNothing, labels: Record<string, string> | undefined): boolean {
  return selector !== 'nothing' && selector.length > 0 && matchesLabels(selector, labels);
}

/**
 * The replica-set controller (pkg/controller/replicaset), for ReplicationControllers or ReplicaSets: keeps
 * spec.replicas active pods matching the selector, adopting orphans and releasing pods that stop matching, and
 * reports the counts in status.
 */
export class ReplicaSetController extends Controller {
  readonly expectations: Expectations;
  private readonly kind: ReplicaKind;
  private readonly ownerDef: ResourceDef;
  private readonly owners: Informer;
  private readonly pods: Informer;
  private readonly podControl: PodControl;

  constructor(ctx: ControllerContext, config: ReplicaSetControllerConfig) {
    const kind = REPLICA_KINDS[config.kind];
    super(kind.queueName, ctx);
    this.kind = kind;
    this.expectations = new Expectations(ctx.clock);
    this.ownerDef = ctx.resource(kind.group, kind.resource);
    const podDef = ctx.resource('', 'pods');
    this.owners = ctx.informers.for(this.ownerDef);
    this.pods = ctx.informers.for(podDef);
    this.podControl = {
      store: ctx.store,
      pods: podDef,
      expectations: this.expectations,
      recorder: ctx.recorder(kind.component),
      burstReplicas: config.burstReplicas,
    };
    const deps = { kind, owners: this.owners, queue: this.queue, expectations: this.expectations };
    this.owners.addHandlers(ownerHandlers(deps));
    this.pods.addHandlers(podHandlers(deps));
  }

  protected sync(key: string): void {
    const owner = this.owners.getByKey(key);
    if (!owner) {
      this.expectations.forget(key);
      return;
    }
    // Read before listing pods: a pod created after this point is either in the list or still expected.
    const needsSync = this.expectations.satisfied(key);
    let selector: LabelRequirement[] | MatchesNothing;
    try {
      selector = this.kind.selector(owner);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.ctx.log(`${this.name}: ${key} has an invalid selector, not syncing it: ${err.message}`);
      return;
    }
    const template = this.kind.template(owner);
    if (!selectsOwnTemplate(selector, template?.metadata?.labels)) {
      this.ctx.log(`${this.name}: ${key} selects no pod of its own template, not syncing it`);
      return;
    }
    const { namespace } = splitKey(key);
    const active = (this.pods.list(namespace) as PodObject[]).filter(isPodActive);
    let stale = false;
    const pods = claimObjects(active, {
      store: this.ctx.store,
      def: this.podControl.pods,
      owner,
      matches: (pod) => matchesLabels(selector, pod.metadata.labels),
      canAdopt: () => {
        stale = !this.stillCurrent(owner);
        return !stale;
      },
    }) as PodObject[];
    // The cache lags a deletion (or a re-creation) the store already shows: act on nothing until it catches up.
    if (stale) throw new Error(`${this.kind.kind} ${key} is being deleted or was replaced; not syncing it from a stale cache`);

    const replicas = this.kind.replicas(owner);
    const now = this.ctx.clock.now();
    const manageError = needsSync && !owner.metadata.deletionTimestamp
      ? manageReplicas(this.podControl, {
        owner,
        key,
        replicas,
        template,
        pods,
        related: () => (this.kind.ranksWithSiblings ? relatedPods(this.kind, this.owners, this.pods, owner) : []),
        now,
      })
      : undefined;
    const minReadySeconds = this.kind.minReadySeconds(owner);
    const status = calculateStatus({
      current: owner.status as ReplicaStatus | undefined,
      replicas,
      minReadySeconds,
      templateLabels: template?.metadata?.labels,
      pods,
      manageError,
      now,
    });
    this.writeStatus(owner, status);
    // Pods turn available with time alone, which no event reports.
    if (!manageError && minReadySeconds > 0 && (status.readyReplicas ?? 0) === replicas && (status.availableReplicas ?? 0) !== replicas) {
      this.queue.addAfter(key, minReadySeconds * 1000);
    }
    if (manageError) throw manageError;
  }

  /** RecheckDeletionTimestamp: adoption is decided on a fresh read, never on a cache that may lag a deletion. */
  private stillCurrent(owner: KubeObject): boolean {
    const fresh = this.ctx.store.tryGet(this.ownerDef, owner.metadata.namespace ?? '', owner.metadata.name ?? '');
    return fresh !== undefined && fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
  }

  private writeStatus(owner: KubeObject, status: ReplicaStatus): void {
    if (statusUpToDate(owner, status)) return;
    const next = withObservedGeneration(status, owner.metadata.generation);
    this.ctx.store.guaranteedUpdate(
      this.ownerDef,
      owner.metadata.namespace ?? '',
      owner.metadata.name ?? '',
      (current) => (current.metadata.uid === owner.metadata.uid ? { ...current, status: next } : undefined),
      { subresource: 'status' },
    );
  }
}
