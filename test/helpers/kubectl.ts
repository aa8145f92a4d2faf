import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The kubectl on PATH, or undefined: e2e tests skip with this message when it is missing. */
export const KUBECTL = findOnPath('kubectl');
export const NO_KUBECTL = KUBECTL ? false : 'kubectl is not on PATH; install it to run the kubectl end-to-end tests';

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * A versioned kubectl (`kubectl.1.27` …) from the folder the dispatcher on PATH resolves to, or undefined when this
 * machine has none: the dispatcher itself picks its version from the server's /version.
 */
export function versionedKubectl(minor: number): string | undefined {
  if (!KUBECTL) return undefined;
  const candidate = join(dirname(realpathSync(KUBECTL)), `kubectl.1.${minor}`);
  return existsSync(candidate) ? candidate : undefined;
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * kubectl against one server, with its own kubeconfig and a fresh cache directory: the dispatcher on these
 * machines picks a kubectl version from /version and caches the choice and discovery there.
 */
export class Kubectl {
  readonly dir = mkdtempSync(join(tmpdir(), 'mimikube-kubectl-'));
  private readonly kubeconfig = join(this.dir, 'kubeconfig');

  constructor(kubeconfig: string, private readonly binary = KUBECTL!) {
    writeFileSync(this.kubeconfig, kubeconfig);
  }

  /** Writes a file into this kubectl's private folder and returns its path (manifests, editor scripts). */
  file(name: string, content: string, mode = 0o644): string {
    const path = join(this.dir, name);
    writeFileSync(path, content, { mode });
    return path;
  }

  private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { ...process.env, KUBECONFIG: this.kubeconfig, KUBECACHEDIR: join(this.dir, 'cache'), HOME: this.dir, ...extra };
  }

  spawn(args: string[], env: Record<string, string> = {}): ChildProcess {
    return spawn(this.binary, args, { env: this.env(env), stdio: ['pipe', 'pipe', 'pipe'] });
  }

  run(args: string[], options: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<KubectlResult> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(args, options.env);
      let stdout = '';
      let stderr = '';
      child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kubectl ${args.join(' ')} did not finish in time; stdout: ${stdout}; stderr: ${stderr}`));
      }, options.timeoutMs ?? 30_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      // kubectl reads stdin only for `-f -` and may exit before taking it; its exit code and output tell the outcome.
      child.stdin!.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') reject(err);
      });
      child.stdin!.end(options.input ?? '');
    });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
