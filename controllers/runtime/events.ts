import type { KubeObject } from '../../schemas/meta.js';
import { formatTime, type Clock } from '../../server/clock.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';

export type EventType = 'Normal' | 'Warning';

interface Recorded {
  name: string;
  namespace: string;
  count: number;
}

/** Upstream's event correlator keeps similar events apart for 10 minutes; after that a repeat starts a new Event. */
const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;

/**
 * Records core/v1 Events about objects, as client-go's recorder does: named `<object>.<hex time>`, in the object's
 * namespace (`default` for cluster-scoped objects), with `source.component`; a repeat of the same event bumps
 * `count` and `lastTimestamp` instead of creating another.
 */
export class EventRecorder {
  private readonly recent = new Map<string, Recorded & { last: number }>();

  constructor(
    private readonly store: Store,
    private readonly events: ResourceDef,
    private readonly clock: Clock,
    private readonly component: string,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    const now = this.clock.now();
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const key = `${meta.uid}|${type}|${reason}|${message}`;
    const seen = this.recent.get(key);
    try {
      if (seen && now - seen.last < AGGREGATION_WINDOW_MS && this.bump(seen, now)) return;
      const name = `${meta.name}.${(BigInt(now) * 1_000_000n + BigInt(this.recent.size)).toString(16)}`;
      this.store.create(this.events, namespace, {
        metadata: { name, namespace },
        involvedObject: {
          kind: obj.kind,
          namespace: meta.namespace,
          name: meta.name,
          uid: meta.uid,
          apiVersion: obj.apiVersion,
          resourceVersion: meta.resourceVersion,
        },
        reason,
        message,
        source: { component: this.component },
        firstTimestamp: formatTime(now),
        lastTimestamp: formatTime(now),
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.component,
        reportingInstance: '',
      });
      this.recent.set(key, { name, namespace, count: 1, last: now });
      if (this.recent.size > 4096) this.recent.delete(this.recent.keys().next().value!);
    } catch (err) {
      // Events are best effort, as upstream's: a terminating namespace or a conflict must not fail the controller.
      if (!(err instanceof ApiError)) throw err;
    }
  }

  private bump(seen: Recorded & { last: number }, now: number): boolean {
    seen.count += 1;
    seen.last = now;
    const updated = this.store.guaranteedUpdate(this.events, seen.namespace, seen.name, (current) => ({
      ...current,
      count: seen.count,
      lastTimestamp: formatTime(now),
    }));
    return updated !== undefined;
  }
}

