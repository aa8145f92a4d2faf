import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliPath } from './build.js';
import { trackChild } from './cleanup.js';

export const MIMIKUBE_MAIN = cliPath();
export const REFERENCE_MAIN = fileURLToPath(new URL('./reference-server.js', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size of the server process, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Spawns a Node script as its own process (so its memory and CPU are apart from the load generator's). */
export function spawnScript(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  trackChild(child);
  return child;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

/** Starts a server script on a free port and resolves with the URL it announces on stderr. */
export async function startProcess(script: string, args: string[]): Promise<ServerProcess> {
  const child = spawnScript(script, ['--port', '0', ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`${script}: no URL within 30 s; stderr: ${stderr}`)), 30_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited ${code}: ${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    rssMiB: () => rssMiB(child.pid!),
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        // A server that does not finish its shutdown in 10 s is killed: the bench must go on.
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** The real mimikube CLI, logging nothing. */
export function startServerProcess(args: string[]): Promise<ServerProcess> {
  return startProcess(MIMIKUBE_MAIN, ['--log-level', 'silent', ...args]);
}
