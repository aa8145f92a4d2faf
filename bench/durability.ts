import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createBenchNamespace, measureCreates } from './api-crud.js';
import { removeTempDir, tempDir } from './cleanup.js';
import { HttpClient } from './http-client.js';
import type { LoadResult } from './load.js';
import type { Profile } from './profile.js';
import { startReference } from './reference.js';
import { startServerProcess } from './server-process.js';

export interface DurabilityResult {
  concurrency: number;
  default: LoadResult;
  full: LoadResult;
  /** full / default create rate. */
  ratio: number;
  /** The reference server's POST rate with synchronous=FULL: one fsync per request is the ceiling without group commit. */
  referenceFull: LoadResult;
  /** 4 KiB appends each followed by fdatasync, per second, on the disk under the temp directory. */
  diskFsyncsPerSecond: number;
}

const CONCURRENCY = 64;

async function createRate(profile: Profile, durability: 'default' | 'full'): Promise<LoadResult> {
  const dir = tempDir();
  const server = await startServerProcess(['--db', join(dir, `${durability}.db`), '--durability', durability, '--no-controllers']);
  const client = new HttpClient(server.url);
  try {
    await createBenchNamespace(client);
    const load = { ...profile.load, concurrency: CONCURRENCY, seconds: profile.durability.seconds };
    return await measureCreates(server, client, load, 'durable', []);
  } finally {
    client.close();
    await server.stop();
    removeTempDir(dir);
  }
}

/** How dear an fsync is on this disk decides what durable mode costs; a virtual disk may make it nearly free. */
function fsyncsPerSecond(): number {
  const dir = tempDir();
  const fd = openSync(join(dir, 'fsync-probe'), 'w');
  try {
    const block = Buffer.alloc(4096, 1);
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < 500) {
      writeSync(fd, block);
      fdatasyncSync(fd);
      count++;
    }
    return Math.round(count / ((performance.now() - started) / 1000));
  } finally {
    closeSync(fd);
    removeTempDir(dir);
  }
}

/** Scenario 6: pod creates at concurrency 64 in each durability mode, on the machine's disk, plus the fsync ceiling. */
export async function durabilityCost(profile: Profile): Promise<DurabilityResult> {
  const byDefault = await createRate(profile, 'default');
  const full = await createRate(profile, 'full');
  const reference = await startReference({ ...profile, load: { ...profile.load, seconds: profile.durability.seconds } }, 'full');
  let referenceFull: LoadResult;
  try {
    referenceFull = await reference.post(CONCURRENCY);
  } finally {
    await reference.stop();
  }
  const ratio = Math.round((full.perSecond / byDefault.perSecond) * 100) / 100;
  return { concurrency: CONCURRENCY, default: byDefault, full, ratio, referenceFull, diskFsyncsPerSecond: fsyncsPerSecond() };
}
