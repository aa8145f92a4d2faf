import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const dirs: string[] = [];

// A file-level hook runs after every test's own after-hooks: the servers those stop no longer write (a WAL, say)
// into a folder being removed. A test-level removal registered first ran before them, failed with ENOTEMPTY and
// skipped the hooks after it, leaving a server running.
after(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed once this file's tests are done. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
