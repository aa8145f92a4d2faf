import type { Clock } from '../../server/clock.js';

/**
 * Time for controllers: the current time and timers. Every controller takes one, so tests drive heartbeats,
 * grace periods, toleration seconds and backoff with a fake clock instead of waiting.
 */
export interface ControllerClock extends Clock {
  /** Runs `fn` after `ms`; the returned function cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const realClock: ControllerClock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** The server's clock as controllers need it: used as is when it has timers (a fake clock), else given real ones. */
export function controllerClock(clock: Clock): ControllerClock {
  if ('setTimer' in clock) return clock as ControllerClock;
  return { now: () => clock.now(), setTimer: realClock.setTimer };
}

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told to: `advance` fires every timer that falls due, in order. */
export class FakeClock implements ControllerClock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.current = next.at;
      next.fn();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
