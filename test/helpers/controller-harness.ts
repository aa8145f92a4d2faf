import type { KubeObject } from '../../schemas/meta.js';
import { resourceTable } from '../../schemas/resources.js';
import { FakeClock } from '../../controllers/runtime/clock.js';
import { ControllerContext } from '../../controllers/runtime/context.js';
import type { Controller } from '../../controllers/runtime/controller.js';
import { ensureSystemObjects } from '../../server/bootstrap.js';
import { Store } from '../../server/registry/store.js';
import { openDatabase } from '../../server/storage/db.js';
import { WatchHub } from '../../server/storage/watch-hub.js';

/**
 * Controllers on a real store (SQLite :memory:) and a fake clock: tests create objects through the store, run the
 * controllers to rest with `settle`, and move time with `clock.advance` — no real waiting anywhere.
 */
export function controllerHarness() {
  const clock = new FakeClock();
  const table = resourceTable();
  const hub = new WatchHub();
  const store = new Store(openDatabase({ path: ':memory:' }), hub, clock);
  ensureSystemObjects(store, table);
  const ctx = new ControllerContext(store, hub, table, clock);
  const def = (group: string, resource: string) => ctx.resource(group, resource);
  return {
    clock,
    table,
    hub,
    store,
    ctx,
    def,
    create(group: string, resource: string, namespace: string, body: Record<string, unknown>): KubeObject {
      return store.create(def(group, resource), namespace, body);
    },
    get(group: string, resource: string, namespace: string, name: string): KubeObject | undefined {
      return store.tryGet(def(group, resource), namespace, name);
    },
    list(group: string, resource: string, namespace?: string): KubeObject[] {
      return store.list(def(group, resource), namespace, {}).items;
    },
    /** Runs the controllers until none has work left (their handlers enqueue more as they write). */
    settle(controllers: Controller[], maxRounds = 1000): void {
      for (let round = 0; round < maxRounds; round++) {
        let worked = 0;
        for (const c of controllers) worked += c.drain();
        if (worked === 0) return;
      }
      throw new Error(`controllers did not settle within ${maxRounds} rounds`);
    },
    /** Moves the clock in steps, settling after each, so timers and the work they enqueue interleave as in real time. */
    advance(controllers: Controller[], ms: number, stepMs = 1000): void {
      for (let left = ms; left > 0; left -= stepMs) {
        clock.advance(Math.min(stepMs, left));
        this.settle(controllers);
      }
    },
  };
}

export type ControllerHarness = ReturnType<typeof controllerHarness>;
