import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * SQLite copies the write-ahead log back into the database file from whichever connection's commit crosses the
 * auto-checkpoint threshold: on mimikube's single request thread that was about half of every write's cost. A
 * worker thread with a connection of its own checkpoints instead, on the other core. A passive checkpoint never
 * blocks the writer, and commits are as durable as before: the WAL itself is what makes a write survive.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ failed: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** Bounds the WAL file left behind by a burst of writes once a checkpoint has caught up. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Starts background checkpoints for a WAL database; undefined for an in-memory one. If the worker fails, the
 * connection goes back to checkpointing on its own, so the WAL never grows without bound.
 */
export function startCheckpointer(db: Database.Database, intervalMs = 100, onFailure?: (message: string) => void): Checkpointer | undefined {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: db.name, intervalMs } });
  worker.unref();
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
  db.pragma('wal_autocheckpoint = 0');
  const fallBack = (message: string) => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
    onFailure?.(`background WAL checkpoints stopped: ${message}`);
  };
  worker.on('message', (m: { failed?: string }) => onFailure?.(`background WAL checkpoint failed: ${m.failed ?? ''}`));
  worker.on('error', (err) => fallBack(err.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      // Unreferenced while idle so it never holds a process open; referenced while it finishes its last checkpoint.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
