import type { KubeObject } from '../../schemas/meta.js';
import type { EventType } from './log.js';

/** A committed change, as the store hands it to the hub after the transaction that made it. */
export interface ChangeEvent {
  type: EventType;
  rv: number;
  /** Storage key of the resource (`pods`, `daemonsets.apps`). */
  resource: string;
  namespace: string;
  name: string;
  object: KubeObject;
  /** The state before this change (absent for ADDED): lets filtered watchers see objects leave their selection. */
  previous?: KubeObject;
}

export interface Subscriber {
  resource: string;
  /** Only this namespace; undefined for all. */
  namespace?: string;
  deliver(event: ChangeEvent): void;
  /** The hub is shutting down. */
  close(): void;
}

/** Fans committed changes out to watchers and informers, in resourceVersion order. */
export class WatchHub {
  private readonly byResource = new Map<string, Set<Subscriber>>();
  private lastRv = 0;

  subscribe(subscriber: Subscriber): () => void {
    let set = this.byResource.get(subscriber.resource);
    if (!set) {
      set = new Set();
      this.byResource.set(subscriber.resource, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
    };
  }

  /** Called by the store only after commit; events must arrive in strictly increasing resourceVersion order. */
  publish(event: ChangeEvent): void {
    if (event.rv <= this.lastRv) {
      throw new Error(`watch hub: event rv ${event.rv} published after ${this.lastRv}`);
    }
    this.lastRv = event.rv;
    const set = this.byResource.get(event.resource);
    if (!set) return;
    for (const subscriber of set) {
      if (subscriber.namespace === undefined || subscriber.namespace === event.namespace) subscriber.deliver(event);
    }
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.byResource.values()) n += set.size;
    return n;
  }

  close(): void {
    for (const set of this.byResource.values()) {
      for (const subscriber of set) subscriber.close();
      set.clear();
    }
  }
}
