import { join } from 'node:path';
import { removeTempDir, tempDir } from './cleanup.js';
import { referenceObject } from './fixtures.js';
import { HttpClient } from './http-client.js';
import { runLoad, type LoadResult } from './load.js';
import type { Profile } from './profile.js';
import { REFERENCE_MAIN, startProcess } from './server-process.js';

export interface ReferenceResult {
  post: LoadResult[];
  get: LoadResult[];
}

export interface Reference {
  post(concurrency: number): Promise<LoadResult>;
  get(concurrency: number): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** The bare Fastify + better-sqlite3 server on a fresh temp file, with `synchronous` NORMAL (as mimikube's default) or FULL. */
export async function startReference(profile: Profile, synchronous: 'normal' | 'full'): Promise<Reference> {
  const dir = tempDir();
  const server = await startProcess(REFERENCE_MAIN, ['--db', join(dir, 'reference.db'), '--synchronous', synchronous]);
  const client = new HttpClient(server.url);
  const names: string[] = [];
  let seq = 0;
  return {
    post: (concurrency) => runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async () => {
      const name = `obj-${seq++}`;
      await client.expect(201, 'POST', '/objects', referenceObject(name));
      names.push(name);
    }),
    get: (concurrency) => {
      let next = 0;
      return runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async () => {
        await client.expect(200, 'GET', `/objects/${names[next++ % names.length]}`);
      });
    },
    async stop() {
      client.close();
      await server.stop();
      removeTempDir(dir);
    },
  };
}
