import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { removeTempDir, tempDir } from './cleanup.js';
import { MIMIKUBE_MAIN, REFERENCE_MAIN, rssMiB, spawnScript } from './server-process.js';
import { percentile, round } from './stats.js';

export interface StartupSample {
  medianMs: number;
  samplesMs: number[];
}

export interface StartupResult {
  /** The reference server (Fastify + better-sqlite3, nothing else) on a new file: the floor for this stack. */
  reference: StartupSample;
  /** The default CLI (every controller) on a new database file each time. */
  empty: StartupSample;
  /** The default CLI on a fresh copy of the loaded data set each time (its controllers would otherwise change it). */
  loaded: StartupSample;
  /** The API alone (--no-controllers) on the loaded data set. */
  loadedApiOnly: StartupSample;
  objects: number;
  /** RSS of the API-only server just after it became ready on the loaded data set. */
  loadedApiOnlyRssMiB: number;
}

const POLL_MS = 5;
const QUIET = ['--log-level', 'silent'];
const TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function readyz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** Spawn → first 200 on /readyz, in ms, polling every 5 ms; the server is killed once measured. */
async function timeToReady(script: string, args: string[]): Promise<{ ms: number; rssMiB: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnScript(script, ['--port', String(port), ...args]);
  child.stderr!.resume();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} ${args.join(' ')} exited ${child.exitCode} before it was ready`);
      if (await readyz(port)) return { ms: performance.now() - started, rssMiB: rssMiB(child.pid!) };
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`${script} ${args.join(' ')}: not ready in ${TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    // Nothing is left to measure: a kill is quicker than a clean shutdown, and each sample has its own files.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function sample(values: number[]): StartupSample {
  return { medianMs: round(percentile(values, 50), 0), samplesMs: values.map((v) => round(v, 0)) };
}

/** Scenario 5, start-up: the median of several spawns, empty and on the loaded data set (whose server is stopped). */
export async function startup(spawns: number, datasetDb: string, objects: number): Promise<StartupResult> {
  const dir = tempDir();
  try {
    const reference: number[] = [];
    const empty: number[] = [];
    const loaded: number[] = [];
    const apiOnly: number[] = [];
    let loadedApiOnlyRssMiB = 0;
    for (let i = 0; i < spawns; i++) {
      reference.push((await timeToReady(REFERENCE_MAIN, ['--db', join(dir, `reference-${i}.db`)])).ms);
      empty.push((await timeToReady(MIMIKUBE_MAIN, [...QUIET, '--db', join(dir, `empty-${i}.db`)])).ms);
      const copy = join(dir, 'loaded-copy.db');
      copyFileSync(datasetDb, copy);
      // Flushed first: the kernel writing back hundreds of dirty megabytes would otherwise slow the start it times.
      const fd = openSync(copy, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      loaded.push((await timeToReady(MIMIKUBE_MAIN, [...QUIET, '--db', copy])).ms);
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
      const api = await timeToReady(MIMIKUBE_MAIN, [...QUIET, '--db', datasetDb, '--no-controllers']);
      apiOnly.push(api.ms);
      loadedApiOnlyRssMiB = api.rssMiB;
    }
    return { reference: sample(reference), empty: sample(empty), loaded: sample(loaded), loadedApiOnly: sample(apiOnly), objects, loadedApiOnlyRssMiB };
  } finally {
    removeTempDir(dir);
  }
}
