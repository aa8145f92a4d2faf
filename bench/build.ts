import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI users run: package.json's `bin` (an esbuild bundle of dist/server/main.js), as an absolute path. */
export function cliPath(): string {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: Record<string, string> };
  return `${ROOT}${pkg.bin.mimikube}`;
}

/**
 * Rebuilds the CLI bundle from the freshly compiled dist/server with the project's own `npm run bundle`, so the
 * suite measures the code in the tree and not a bundle left over from an earlier build.
 */
export function bundleCli(): void {
  execFileSync('npm', ['run', 'bundle', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The commit measured, marked when the server's sources differ from it. */
export function sourceRevision(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'controllers', 'schemas', 'migrations'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
