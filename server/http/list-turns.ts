/**
 * Lists take turns: at most one runs per event-loop turn. A list of thousands of objects holds the one request thread
 * for tens of milliseconds, reading and sending megabytes. When many arrive together Node runs them all in the turn
 * that read them, and everything else waits behind all of them: a health probe waited over 2 s behind 40 lists of
 * 4 MB in the stress suite. Between two turns the event loop reads the other sockets, so a probe, a GET or a write
 * waits for one or two lists at most. A list that finds no other in its turn runs at once.
 */
let ranThisTurn = false;
/** Lists waiting for a turn; there are only ever any while a list ran in this turn, so a next turn is scheduled. */
const waiting: Array<() => void> = [];

/** A list runs in this turn; the next turn frees the slot for the list after it. */
function takeTurn(): void {
  ranThisTurn = true;
  setImmediate(nextTurn);
}

function nextTurn(): void {
  ranThisTurn = false;
  waiting.shift()?.();
}

/** Runs `list` now if no list ran in this turn, otherwise in a later turn, in arrival order. */
export function inListTurn<T>(list: () => T): T | Promise<T> {
  if (!ranThisTurn) {
    takeTurn();
    return list();
  }
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      takeTurn();
      try {
        resolve(list());
      } catch (err) {
        reject(err);
      }
    });
  });
}
