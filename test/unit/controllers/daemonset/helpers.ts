import { controllerHarness, type ControllerHarness } from '../../../helpers/controller-harness.js';
import { formatTime } from '../../../../server/clock.js';
import type { KubeObject } from '../../../../schemas/meta.js';
import { DaemonSetController, DEFAULT_DAEMONSET_CONFIG, type DaemonSetControllerConfig } from '../../../../controllers/daemonset/controller.js';
import { podTargetNode, type PodObject } from '../../../../controllers/runtime/pod-state.js';
import { ControllerContext } from '../../../../controllers/runtime/context.js';
import { forbidden } from '../../../../server/errors.js';
import type { ResourceDef } from '../../../../server/registry/resource.js';
import { WatchHub, type ChangeEvent, type Subscriber } from '../../../../server/storage/watch-hub.js';

export type Obj = KubeObject & { spec?: any; status?: any; data?: any; revision?: number };

/** A cluster with a DaemonSet controller on a fake clock; the tests play scheduler and kubelet themselves. */
export function cluster(config: Partial<DaemonSetControllerConfig> = {}, ctx?: (h: ControllerHarness) => ControllerContext) {
  const h = controllerHarness();
  const context = ctx ? ctx(h) : h.ctx;
  const controller = new DaemonSetController(context, { ...DEFAULT_DAEMONSET_CONFIG, ...config });
  context.informers.startAll();
  const pods = h.def('', 'pods');
  const c = {
    h,
    controller,
    settle: () => h.settle([controller]),
    advance: (ms: number) => h.advance([controller], ms),
    node(name: string, labels: Record<string, string> = {}, spec: Record<string, unknown> = {}): Obj {
      return h.create('', 'nodes', '', { metadata: { name, labels }, spec }) as Obj;
    },
    patchNode(name: string, patch: Record<string, unknown>): Obj {
      return h.store.patch(h.def('', 'nodes'), '', name, 'merge', patch).object as Obj;
    },
    daemonSet(name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}, namespace = 'default'): Obj {
      return h.create('apps', 'daemonsets', namespace, daemonSetBody(name, spec, podSpec)) as Obj;
    },
    ds(name: string, namespace = 'default'): Obj {
      return h.get('apps', 'daemonsets', namespace, name) as Obj;
    },
    patchDs(name: string, patch: Record<string, unknown>, type: 'merge' | 'strategic' = 'merge'): Obj {
      return h.store.patch(h.def('apps', 'daemonsets'), 'default', name, type, patch).object as Obj;
    },
    pods(namespace = 'default'): Obj[] {
      return h.list('', 'pods', namespace) as Obj[];
    },
    /** Live pods (not being deleted) by target node. */
    podsByNode(namespace = 'default'): Record<string, string[]> {
      const out: Record<string, string[]> = {};
      for (const pod of c.pods(namespace)) {
        if (pod.metadata.deletionTimestamp) continue;
        (out[podTargetNode(pod as PodObject) ?? '?'] ??= []).push(pod.metadata.name!);
      }
      return out;
    },
    revisions(namespace = 'default'): Obj[] {
      return h.list('apps', 'controllerrevisions', namespace) as Obj[];
    },
    events(reason?: string): Obj[] {
      return (h.list('', 'events') as Obj[]).filter((e) => !reason || e.reason === reason);
    },
    bind(pod: Obj, node = podTargetNode(pod as PodObject)!): void {
      h.store.updateBypassingStrategy(pods, pod.metadata.namespace!, pod.metadata.name!, (p) => ({ ...p, spec: { ...(p.spec as object), nodeName: node } }));
    },
    setStatus(pod: Obj, status: Record<string, unknown>): void {
      h.store.guaranteedUpdate(pods, pod.metadata.namespace!, pod.metadata.name!, (p) => ({ ...p, status }), { subresource: 'status' });
    },
    markReady(pod: Obj): void {
      const now = formatTime(h.clock.now());
      c.setStatus(pod, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] });
    },
    fail(pod: Obj): void {
      c.setStatus(pod, { phase: 'Failed' });
    },
    /** The kubelet finishing a graceful deletion. */
    finishDeletion(pod: Obj): boolean {
      return h.store.delete(pods, pod.metadata.namespace!, pod.metadata.name!, { gracePeriodSeconds: 0 }).removed;
    },
    /**
     * Scheduler and kubelet in one step: unbound pods are bound to their pinned node (if it exists), bound pods
     * become Running and Ready, terminating pods go away. Repeats with the controller until nothing changes.
     */
    converge(options: { ready?: boolean; namespace?: string } = {}): void {
      const ready = options.ready ?? true;
      for (let round = 0; round < 100; round++) {
        c.settle();
        let changed = false;
        for (const pod of c.pods(options.namespace)) {
          if (pod.metadata.deletionTimestamp) {
            // A finalizer can hold the pod: that is not progress.
            if (c.finishDeletion(pod)) changed = true;
          } else if (!pod.spec?.nodeName) {
            const node = podTargetNode(pod as PodObject);
            if (node && h.get('', 'nodes', '', node)) {
              c.bind(pod, node);
              changed = true;
            }
          } else if (ready && !pod.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True') && !['Failed', 'Succeeded'].includes(pod.status?.phase)) {
            c.markReady(pod);
            changed = true;
          }
        }
        if (!changed) return;
      }
      throw new Error('cluster did not converge');
    },
    status(name: string): Record<string, number> {
      return c.ds(name).status;
    },
  };
  return c;
}

export type Cluster = ReturnType<typeof cluster>;

export function daemonSetBody(name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): Obj {
  return {
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9' }], ...podSpec } },
      ...spec,
    },
  };
}

/** The counts `kubectl get ds` shows: DESIRED CURRENT READY UP-TO-DATE AVAILABLE. */
export function columns(status: Record<string, number>): number[] {
  return [status.desiredNumberScheduled, status.currentNumberScheduled, status.numberReady, status.updatedNumberScheduled ?? 0, status.numberAvailable ?? 0];
}

/**
 * A hub between the store and the informers that can hold back one resource's events: the informers' cache then
 * lags the store, as a real watch can.
 */
export class LaggingHub extends WatchHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly held = new Map<string, ChangeEvent[]>();

  constructor(source: WatchHub, resources: string[]) {
    super();
    for (const resource of resources) {
      source.subscribe({ resource, deliver: (e) => this.relay(e), close: () => {} });
    }
  }

  override subscribe(subscriber: Subscriber): () => void {
    let set = this.subscribers.get(subscriber.resource);
    if (!set) this.subscribers.set(subscriber.resource, (set = new Set()));
    set.add(subscriber);
    return () => set.delete(subscriber);
  }

  hold(resource: string): void {
    this.held.set(resource, []);
  }

  release(resource: string): void {
    const events = this.held.get(resource) ?? [];
    this.held.delete(resource);
    for (const e of events) this.deliver(e);
  }

  private relay(event: ChangeEvent): void {
    const queue = this.held.get(event.resource);
    if (queue) queue.push(event);
    else this.deliver(event);
  }

  private deliver(event: ChangeEvent): void {
    for (const s of this.subscribers.get(event.resource) ?? []) s.deliver(event);
  }
}

export const RESOURCES = ['pods', 'nodes', 'daemonsets.apps', 'controllerrevisions.apps'];

/** A context whose informers hear of changes through a LaggingHub. */
export function laggingContext(): { hub?: LaggingHub; make: (h: ControllerHarness) => ControllerContext } {
  const out: { hub?: LaggingHub; make: (h: ControllerHarness) => ControllerContext } = {
    make: (h) => {
      out.hub = new LaggingHub(h.hub, RESOURCES);
      return new ControllerContext(h.store, out.hub, h.table, h.clock);
    },
  };
  return out;
}

/**
 * A context whose store refuses pod creates beyond `quota` (like a ResourceQuota) and, when asked, every DaemonSet
 * status write; counts the pod create calls.
 */
export function faultyContext(quota: number, failStatus = false): { calls: number; make: (h: ControllerHarness) => ControllerContext } {
  const out = {
    calls: 0,
    make: (h: ControllerHarness) => {
      let created = 0;
      const store = new Proxy(h.store, {
        get(target, prop, receiver) {
          if (prop === 'create') {
            return (def: ResourceDef, namespace: string, body: unknown) => {
              if (def.resource === 'pods') {
                out.calls++;
                if (created >= quota) throw forbidden(def, '', `exceeded quota: pods, requested: pods=1, used: pods=${quota}, limited: pods=${quota}`);
                created++;
              }
              return target.create(def, namespace, body);
            };
          }
          if (prop === 'guaranteedUpdate' && failStatus) {
            return (def: ResourceDef, ns: string, name: string, mutate: never, options?: { subresource?: string }) => {
              if (def.resource === 'daemonsets' && options?.subresource === 'status') throw new Error('status write refused');
              return target.guaranteedUpdate(def, ns, name, mutate, options as never);
            };
          }
          return Reflect.get(target, prop, receiver);
        },
      });
      return new ControllerContext(store, h.hub, h.table, h.clock);
    },
  };
  return out;
}
