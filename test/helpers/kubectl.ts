import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

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

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, KUBECONFIG: this.kubeconfig, KUBECACHEDIR: join(this.dir, 'cache'), HOME: this.dir };
  }

  spawn(args: string[]): ChildProcess {
    return spawn(this.binary, args, { env: this.env(), stdio: ['pipe', 'pipe', 'pipe'] });
  }

  run(args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(args);
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
      child.stdin!.end(options.input ?? '');
    });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
