import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { kubeconfigFor } from '../../server/kubeconfig.js';
import { Api } from './api.js';

const MAIN = fileURLToPath(new URL('../../server/main.js', import.meta.url));

export interface CliServer {
  child: ChildProcess;
  url: string;
  kubeconfig: string;
  api: Api;
  stderr(): string;
  /** What the server wrote to stdout: its request log. */
  stdout(): string;
  stop(): Promise<void>;
}

/** The real `mimikube` CLI as a child process on a free port; resolves once it serves. */
export async function startCliServer(args: string[], env: Record<string, string> = {}): Promise<CliServer> {
  // A free port unless the caller chose one (by flag or environment), or serves HTTPS on --secure-port.
  const port = args.includes('--port') || args.includes('--secure-port') || env.MIMIKUBE_PORT !== undefined ? [] : ['--port', '0'];
  const logLevel = args.includes('--log-level') || env.MIMIKUBE_LOG_LEVEL !== undefined ? [] : ['--log-level', 'warn'];
  const child = spawn(process.execPath, [MAIN, ...port, ...logLevel, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 10 s; stderr: ${stderr}`)), 10_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /serving the Kubernetes API on (https?:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return {
    child,
    url,
    kubeconfig: kubeconfigFor(url),
    api: new Api(url),
    stderr: () => stderr,
    stdout: () => stdout,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
