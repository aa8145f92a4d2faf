import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
const dirs = new Set<string>();

/** A child process killed when the bench exits, however it exits. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/**
 * A fresh directory for SQLite files, removed when the bench exits. os.tmpdir() is used rather than a tmpfs so that
 * fsync costs what it costs on the machine's disk (the durability scenario depends on it).
 */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimikube-bench-'));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

// 'exit' handlers must be synchronous: SIGKILL and rmSync are, and they run on errors, Ctrl-C and normal ends alike.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
