import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSecurityFlags, SECURITY_FLAGS, SECURITY_USAGE } from './auth/cli-flags.js';
import { OVERLOAD_FLAGS, OVERLOAD_USAGE, parseOverloadFlags } from './http/overload-flags.js';
import { connectionFileFor } from './connection-file.js';
import type { ServerOptions } from './index.js';

export const USAGE = `Usage: mimikube [flags]
       mimikube node <add|remove|stop|start> <name> [--server URL]   (see mimikube node --help)
       mimikube kubeconfig [--db FILE] [--user NAME | --token T | --client-certificate F --client-key F]
                                                                     (see mimikube kubeconfig --help)

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
  --validation-workers <n>
                        threads that decode, validate and prepare create bodies beside the request thread
                        (MIMIKUBE_VALIDATION_WORKERS, default 1 when the machine has 2 or more cores, else 0)
  -h, --help            print this help

Simulated cluster:
  --nodes <n>                      create simulated nodes node-1 … node-N at start-up (MIMIKUBE_NODES, default 0)
  --node-labels <k=v,…>            labels for those nodes (MIMIKUBE_NODE_LABELS)
  --simulated-nodes <selector>     label selector of the nodes the simulated kubelet runs (default: every node)
  --pod-start-delay <ms>           how long pods show ContainerCreating before they run (default 0)
  --pod-termination-delay <ms>     containers stop this long after a graceful delete (default: the pod's whole
                                   terminationGracePeriodSeconds, as a container that ignores SIGTERM)
  --node-monitor-grace-period <s>  missed heartbeats before a node turns NotReady (default 50, as upstream)
  --pod-gc-quarantine <s>          how long pods of a deleted node wait for pod GC (default 40, as upstream)
  --static-pod-dir <dir>           static pod manifests, run as mirror pods (kubelet --pod-manifest-path)
  --static-pod-nodes <all|n1,n2>   the nodes that run the static pods (default all)
  --no-controllers                 serve the API only: no scheduler, kubelet or controllers
${SECURITY_USAGE}${OVERLOAD_USAGE}`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type CliResult = { help: true } | { help: false; options: ServerOptions };

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a non-negative integer, got "${text}"`);
  return Number(text);
}

/** `a=b,c=d` → { a: 'b', c: 'd' }. */
function labels(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--node-labels takes key=value pairs separated by commas, got "${pair}"`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
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
        'validation-workers': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        nodes: { type: 'string' },
        'node-labels': { type: 'string' },
        'simulated-nodes': { type: 'string' },
        'pod-start-delay': { type: 'string' },
        'pod-termination-delay': { type: 'string' },
        'node-monitor-grace-period': { type: 'string' },
        'pod-gc-quarantine': { type: 'string' },
        'static-pod-dir': { type: 'string' },
        'static-pod-nodes': { type: 'string' },
        'no-controllers': { type: 'boolean' },
        ...SECURITY_FLAGS,
        ...OVERLOAD_FLAGS,
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
  const staticPodNodes = pick('static-pod-nodes', 'MIMIKUBE_STATIC_POD_NODES');
  const db = pick('db', 'MIMIKUBE_DB') ?? './mimikube.db';
  const security = parseSecurityFlags(
    (flag, variable) => values[flag] ?? env[variable],
    db,
    dirname,
    (message) => {
      throw new UsageError(message);
    },
  );
  const overload = parseOverloadFlags(
    pick,
    (message) => {
      throw new UsageError(message);
    },
  );
  const httpPort = integer('port', pick('port', 'MIMIKUBE_PORT'));
  if (security.securePort !== undefined && httpPort !== undefined) {
    throw new UsageError('--port serves plain HTTP and --secure-port (or a TLS flag) HTTPS: give one of them');
  }
  return {
    help: false,
    options: {
      controllers: !values['no-controllers'],
      simulation: {
        nodes: integer('nodes', pick('nodes', 'MIMIKUBE_NODES')),
        nodeLabels: labels(pick('node-labels', 'MIMIKUBE_NODE_LABELS')),
        simulatedNodes: pick('simulated-nodes', 'MIMIKUBE_SIMULATED_NODES'),
        podStartDelayMs: integer('pod-start-delay', pick('pod-start-delay', 'MIMIKUBE_POD_START_DELAY')),
        podTerminationDelayMs: integer('pod-termination-delay', pick('pod-termination-delay', 'MIMIKUBE_POD_TERMINATION_DELAY')),
        nodeMonitorGracePeriodSeconds: integer('node-monitor-grace-period', pick('node-monitor-grace-period', 'MIMIKUBE_NODE_MONITOR_GRACE_PERIOD')),
        podGCQuarantineSeconds: integer('pod-gc-quarantine', pick('pod-gc-quarantine', 'MIMIKUBE_POD_GC_QUARANTINE')),
        staticPodDir: pick('static-pod-dir', 'MIMIKUBE_STATIC_POD_DIR'),
        staticPodNodes: staticPodNodes === undefined || staticPodNodes === 'all' ? undefined : staticPodNodes.split(','),
      },
      port: security.securePort ?? httpPort ?? 8080,
      host: pick('host', 'MIMIKUBE_HOST') ?? '127.0.0.1',
      db,
      auth: security.auth,
      tls: security.tls,
      overload,
      connectionFile: connectionFileFor(db),
      durability,
      eventWindow: integer('event-window', pick('event-window', 'MIMIKUBE_EVENT_WINDOW')),
      kubeVersion,
      logLevel,
      validationWorkers: integer('validation-workers', pick('validation-workers', 'MIMIKUBE_VALIDATION_WORKERS')) ?? (availableParallelism() > 1 ? 1 : 0),
    },
  };
}
