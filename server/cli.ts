import { parseArgs } from 'node:util';
import type { ServerOptions } from './index.js';

export const USAGE = `Usage: mimikube [flags]

A Kubernetes API server on one SQLite file.

Flags (each also read from the environment variable shown):
  --port <n>            port to listen on (MIMIKUBE_PORT, default 8080; 0 picks a free one)
  --host <addr>         address to bind (MIMIKUBE_HOST, default 127.0.0.1)
  --db <file|:memory:>  SQLite file holding the cluster state (MIMIKUBE_DB, default ./mimikube.db)
  --durability <mode>   default (survives a killed process) or full (fsync every commit; survives power loss)
                        (MIMIKUBE_DURABILITY)
  --event-window <n>    newest changes kept for watch resume and paginated lists (MIMIKUBE_EVENT_WINDOW,
                        default 50000)
  --kube-version <v>    Kubernetes version to report (MIMIKUBE_KUBE_VERSION, default v1.32.4)
  --log-level <level>   silent, error, warn, info or debug (MIMIKUBE_LOG_LEVEL, default info)
  -h, --help            print this help
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type CliResult = { help: true } | { help: false; options: ServerOptions };

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a non-negative integer, got "${text}"`);
  return Number(text);
}

/** Flags win over environment variables, which win over defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        durability: { type: 'string' },
        'event-window': { type: 'string' },
        'kube-version': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { help: true };
  const pick = (flag: string, variable: string) => (values[flag] as string | undefined) ?? env[variable];
  const durability = pick('durability', 'MIMIKUBE_DURABILITY') ?? 'default';
  if (durability !== 'default' && durability !== 'full') {
    throw new UsageError(`--durability must be "default" or "full", got "${durability}"`);
  }
  const logLevel = pick('log-level', 'MIMIKUBE_LOG_LEVEL') ?? 'info';
  if (!['silent', 'error', 'warn', 'info', 'debug', 'trace', 'fatal'].includes(logLevel)) {
    throw new UsageError(`--log-level must be one of silent, error, warn, info, debug, got "${logLevel}"`);
  }
  const kubeVersion = pick('kube-version', 'MIMIKUBE_KUBE_VERSION');
  if (kubeVersion !== undefined && !/^v1\.\d+\.\d+$/.test(kubeVersion)) {
    throw new UsageError(`--kube-version must look like v1.32.4, got "${kubeVersion}"`);
  }
  return {
    help: false,
    options: {
      port: integer('port', pick('port', 'MIMIKUBE_PORT')) ?? 8080,
      host: pick('host', 'MIMIKUBE_HOST') ?? '127.0.0.1',
      db: pick('db', 'MIMIKUBE_DB') ?? './mimikube.db',
      durability,
      eventWindow: integer('event-window', pick('event-window', 'MIMIKUBE_EVENT_WINDOW')),
      kubeVersion,
      logLevel,
    },
  };
}
