/**
 * Lists take turns: at most one runs per event-loop turn. A list of thousands of objects holds the one request thread
 * for tens of milliseconds, reading and sending megabytes. When many arrive together Node runs them all in the turn
 * that read them, and everything else waits behind all of them: a health probe waited over 2 s behind 40 lists of
 * 4 MB in the stress suite. Between two turns the event loop reads the other sockets, so a probe, a GET or a write
 * waits for one or two lists at most. A list that finds no other in its turn runs at once.
 */
let ranThisTurn = false;
let nextTurnScheduled = false;
const waiting: Array<() => void> = [];

function scheduleNextTurn(): void {
  if (nextTurnScheduled) return;
  nextTurnScheduled = true;
  setImmediate(nextTurn);
}

function nextTurn(): void {
  nextTurnScheduled = false;
  ranThisTurn = false;
  waiting.shift()?.();
}

/** Runs `list` now if no list ran in this turn, otherwise in a later turn, in arrival order. */
export function inListTurn<T>(list: () => T): T | Promise<T> {
  if (!ranThisTurn && waiting.length === 0) {
    ranThisTurn = true;
    scheduleNextTurn();
    return list();
  }
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      ranThisTurn = true;
      scheduleNextTurn();
      try {
        resolve(list());
      } catch (err) {
        reject(err);
      }
    });
    scheduleNextTurn();
  });
}
