import type { KubeObject } from '../../../../schemas/meta.js';
import { formatTime } from '../../../../server/clock.js';
import { controllerOf } from '../../../../controllers/runtime/controller-ref.js';
import {
  DEFAULT_REPLICASET_CONFIG,
  DEFAULT_REPLICATION_CONTROLLER_CONFIG,
  ReplicaSetController,
  type ReplicaSetControllerConfig,
} from '../../../../controllers/replication/sync.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';

export const CONTAINERS = [{ name: 'c', image: 'nginx' }];

/** A ReplicationController whose selector and template labels are `app: <name>`. */
export function rcBody(name: string, replicas: number, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    metadata: { name },
    spec: { replicas, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: { containers: CONTAINERS } }, ...spec },
  };
}

export function rsBody(name: string, replicas: number, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) {
  return {
    metadata: { name, ...metadata },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: CONTAINERS } },
      ...spec,
    },
  };
}

/** A harness with one replica-set controller (RC by default), its informers started. */
export function setup(config: Partial<ReplicaSetControllerConfig> = {}) {
  const h = controllerHarness();
  const base = config.kind === 'ReplicaSet' ? DEFAULT_REPLICASET_CONFIG : DEFAULT_REPLICATION_CONTROLLER_CONFIG;
  const controller = new ReplicaSetController(h.ctx, { ...base, ...config });
  h.ctx.informers.startAll();
  const kind = config.kind ?? 'ReplicationController';
  const [group, resource] = kind === 'ReplicaSet' ? ['apps', 'replicasets'] : ['', 'replicationcontrollers'];
  const pods = h.def('', 'pods');
  return {
    ...h,
    controller,
    settle: () => h.settle([controller]),
    advance: (ms: number) => h.advance([controller], ms),
    owner: (name: string) => h.get(group, resource, 'default', name)!,
    createOwner: (body: Record<string, unknown>) => h.create(group, resource, 'default', body),
    updateOwner: (name: string, mutate: (o: any) => void) =>
      h.store.guaranteedUpdate(h.def(group, resource), 'default', name, (o) => {
        mutate(o);
        return o;
      }),
    pods: (namespace = 'default') => h.list('', 'pods', namespace),
    /** Active pods (not being deleted) controlled by `owner`. */
    podsOf(owner: KubeObject): KubeObject[] {
      return h.list('', 'pods', owner.metadata.namespace).filter(
        (p) => controllerOf(p)?.uid === owner.metadata.uid && !p.metadata.deletionTimestamp,
      );
    },
    createPod(name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
      return h.create('', 'pods', 'default', { metadata: { name, labels, ...extra }, spec: { containers: CONTAINERS } });
    },
    /** Plays the scheduler: binds the pod to `node`. */
    bind(name: string, node: string): KubeObject {
      return h.store.updateBypassingStrategy(pods, 'default', name, (p: any) => {
        p.spec.nodeName = node;
        return p;
      });
    },
    /** Plays the kubelet: Running, and Ready (since now) or not. */
    run(name: string, ready = true, restarts = 0): KubeObject {
      const now = formatTime(h.clock.now());
      return h.store.guaranteedUpdate(pods, 'default', name, (p: any) => {
        p.status = {
          ...p.status,
          phase: 'Running',
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
          containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready, restartCount: restarts, started: true, state: { running: { startedAt: now } } }],
        };
        return p;
      }, { subresource: 'status' })!;
    },
    /** Recorded events; a repeat of one event is one Event whose `count` goes up. */
    events(reason?: string): Array<{ reason: string; message: string; type: string; component: string; count: number }> {
      return h.list('', 'events', 'default')
        .map((e: any) => ({ reason: e.reason, message: e.message, type: e.type, component: e.source?.component, count: e.count }))
        .filter((e) => reason === undefined || e.reason === reason);
    },
  };
}

export type Setup = ReturnType<typeof setup>;

/**
 * A ReplicaSet whose spec the API server would refuse (it validates ReplicaSets as upstream does), stored as one that
 * got in before validation, so the controller's own guards can be tested.
 */
export function plantRefusedReplicaSet(t: Setup, name: string, spec: Record<string, unknown>): void {
  t.createOwner(rsBody(name, 0));
  t.store.updateBypassingStrategy(t.def('apps', 'replicasets'), 'default', name, (rs) => ({
    ...rs,
    spec: { ...(rs as { spec: Record<string, unknown> }).spec, ...spec },
  }));
}
