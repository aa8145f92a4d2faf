import type { ResourceDef, ResourceTable } from '../../server/registry/resource.js';
import type { Store } from '../../server/registry/store.js';
import type { WatchHub } from '../../server/storage/watch-hub.js';
import type { ControllerClock } from './clock.js';
import { EventRecorder } from './events.js';
import { InformerFactory } from './informer.js';

/** Everything a controller may use: caches to read, the store to write, a clock, and an event recorder. */
export class ControllerContext {
  readonly informers: InformerFactory;
  private readonly recorders = new Map<string, EventRecorder>();

  constructor(
    readonly store: Store,
    readonly hub: WatchHub,
    readonly table: ResourceTable,
    readonly clock: ControllerClock,
    readonly log: (message: string) => void = () => {},
    /** How long work queues hold a new key to coalesce bursts of events (0: ready at once, as tests want). */
    readonly syncCoalesceMs = 0,
  ) {
    this.informers = new InformerFactory(store, hub);
  }

  /** The table row of a kind the controllers depend on (present by construction of the resource table). */
  resource(group: string, resource: string): ResourceDef {
    const def = this.table.all.find((d) => d.group === group && d.resource === resource);
    if (!def) throw new Error(`controllers need ${resource}.${group} in the resource table`);
    return def;
  }

  recorder(component: string): EventRecorder {
    let recorder = this.recorders.get(component);
    if (!recorder) {
      recorder = new EventRecorder(this.store, this.resource('', 'events'), this.clock, component);
      this.recorders.set(component, recorder);
    }
    return recorder;
  }
}
