import { ApiError } from '../errors.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { ListResult } from '../registry/list.js';

/** Objects of the initial state read per page: what one watcher holds in memory while its client catches up. */
export const INITIAL_PAGE_SIZE = 250;
/** Unsent bytes beyond which the initial state waits for the client to read. */
export const INITIAL_PACE_BYTES = 256 * 1024;

export interface InitialStateTarget {
  readonly isClosed: boolean;
  /** Sends one object of the state; returns the bytes now queued and not yet taken by the client. */
  sendInitial(obj: KubeObject, rv: number): number;
  /** Calls back once the client has taken what was queued. */
  whenDrained(callback: () => void): void;
  error(err: ApiError): void;
}

/**
 * Writes a watch's initial state page by page from one snapshot of the store, waiting for the client to read
 * whenever it falls behind, so a watcher that never reads holds a page, not the whole list. The first page is read
 * at once (the caller subscribes to live events in the same tick, so none is missed); `done` runs after the last.
 * A snapshot compacted away while the client dawdled ends the watch with the store's 410, and the client relists.
 */
export function streamInitialState(
  list: (continueToken?: string) => ListResult,
  target: InitialStateTarget,
  done: (rv: number) => void,
): number {
  const first = list();
  const rv = Number(first.resourceVersion);
  let page: ListResult | undefined = first;
  const pump = () => {
    try {
      for (;;) {
        if (target.isClosed) return;
        const current: ListResult = page ?? list(next);
        page = undefined;
        let backlog = 0;
        for (const item of current.items) backlog = target.sendInitial(item, rv);
        if (!current.continue) return done(rv);
        next = current.continue;
        if (backlog > INITIAL_PACE_BYTES) return target.whenDrained(pump);
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      target.error(err);
    }
  };
  let next: string | undefined = first.continue;
  pump();
  return rv;
}
