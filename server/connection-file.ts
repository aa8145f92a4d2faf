import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where a running server says how to reach it, next to its database, for `mimikube kubeconfig`: the URL, the CA to
 * trust and the token file in use (its path, never its tokens). Public facts only, so it is written world-readable.
 */
export interface ConnectionInfo {
  url: string;
  ca?: string;
  tokenAuthFile?: string;
}

/** The connection file of a database; a :memory: database has none. */
export function connectionFileFor(db: string): string | undefined {
  return db === ':memory:' ? undefined : `${db}.server.json`;
}

export function writeConnectionFile(path: string, info: ConnectionInfo): void {
  const stored: ConnectionInfo = { ...info, tokenAuthFile: info.tokenAuthFile && resolve(info.tokenAuthFile) };
  writeFileSync(path, `${JSON.stringify(stored, null, 2)}\n`);
}

export function readConnectionFile(path: string): ConnectionInfo | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const info = JSON.parse(text) as ConnectionInfo;
  return typeof info.url === 'string' ? info : undefined;
}

export function removeConnectionFile(path: string): void {
  rmSync(path, { force: true });
}
