import type { ControllerClock } from './clock.js';

/**
 * Runs `tick` now and then every `periodMs` on the controller clock (upstream's wait.Until); the returned function
 * stops it. Ticks should only enqueue work, so a slow pass never stacks up timers.
 */
export function every(clock: ControllerClock, periodMs: number, tick: () => void): () => void {
  let cancel: () => void = () => {};
  const arm = () => {
    cancel = clock.setTimer(periodMs, () => {
      arm();
      tick();
    });
  };
  arm();
  tick();
  return () => cancel();
}
