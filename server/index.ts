import { resourceTable } from '../schemas/resources.js';
import { buildApp } from './app.js';
import { ensureBootstrapPolicy, ensureSystemObjects } from './bootstrap.js';
import { configureAccess, openAccessRefusal, type AuthOptions } from './auth/options.js';
import { informerRbacSource } from './auth/rbac-source.js';
import { removeConnectionFile, writeConnectionFile } from './connection-file.js';
import { loadTlsMaterial, type TlsMaterial, type TlsOptions } from './tls.js';
import { systemClock, type Clock } from './clock.js';
import { scheduleCompaction } from './compaction.js';
import { DEFAULT_WATCH_CONFIG, WatchServer, type WatchConfig } from './http/watch.js';
import { kubeconfigFor } from './kubeconfig.js';
import { Store } from './registry/store.js';
import { CreatePrechecks } from './precheck/pool.js';
import { DEFAULT_OVERLOAD_LIMITS, type OverloadLimits } from './http/overload.js';
import { startCheckpointer } from './storage/checkpointer.js';
import { openDatabase, type Durability } from './storage/db.js';
import { WatchHub } from './storage/watch-hub.js';
import { startControllers, type RunningControllers } from '../controllers/index.js';
import { controllersConfig, ensureSimulatedNodes, type ControllerOverrides, type SimulationOptions } from './simulation.js';
import { ControllerContext } from '../controllers/runtime/context.js';
import { controllerClock } from '../controllers/runtime/clock.js';

export { ApiError } from './errors.js';
export type { Store } from './registry/store.js';
export type { KubeObject } from '../schemas/meta.js';
export type { AuthOptions } from './auth/options.js';
export type { TlsOptions } from './tls.js';

export const DEFAULT_KUBE_VERSION = 'v1.32.4';
/** Controllers let events gather this long before a sync: a burst of pod events costs one DaemonSet sync. */
const SYNC_COALESCE_MS = 50;

export interface ServerOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A file path or ':memory:'. Default ./mimikube.db. */
  db?: string;
  durability?: Durability;
  /** 'silent', 'error', 'warn', 'info', 'debug'. Default 'silent' for the library, 'info' for the CLI. */
  logLevel?: string;
  kubeVersion?: string;
  /** Newest log entries kept for watch resume and paginated lists. */
  eventWindow?: number;
  compactIntervalMs?: number;
  watch?: Partial<WatchConfig>;
  clock?: Clock;
  /** Run the in-process controllers (default true). */
  controllers?: boolean;
  simulation?: SimulationOptions;
  /** Per-controller settings over the defaults and the simulation knobs (embedding tests). */
  controllerConfig?: ControllerOverrides;
  /** Authentication and authorization; by default anonymous requests may do everything (loopback only). */
  auth?: AuthOptions;
  /** Serve HTTPS on `port`, with the given certificate or a generated self-signed one; default plain HTTP. */
  tls?: TlsOptions;
  /** In-flight limits and the request timeout; each absent one keeps upstream's default. */
  overload?: Partial<OverloadLimits>;
  /** Write the URL and CA here once listening, for `mimikube kubeconfig`; removed again on close. */
  connectionFile?: string;
  /**
   * Worker threads that decode, validate and prepare create bodies beside the request thread (default 0: all on the
   * request thread). The CLI runs one when the machine has a core to spare.
   */
  validationWorkers?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** A kubeconfig (YAML) for this server: its URL and, over HTTPS, its CA; no credentials. */
  kubeconfig: string;
  /** The CA (PEM) that signed the serving certificate, when serving HTTPS. */
  ca?: string;
  /** Stops accepting requests, ends watches, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/** Starts a complete control plane on one SQLite file (or in memory) and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tls: TlsMaterial | undefined = options.tls ? await loadTlsMaterial(options.tls, host) : undefined;
  const db = openDatabase({ path: options.db ?? './mimikube.db', durability: options.durability });
  const checkpointer = startCheckpointer(db, 100, (message) => process.emitWarning(message));
  const table = resourceTable();
  const hub = new WatchHub();
  const clock = options.clock ?? systemClock;
  const prechecks = options.validationWorkers ? new CreatePrechecks(options.validationWorkers) : undefined;
  const store = new Store(db, hub, clock, { groupCommit: true, writesComing: prechecks && (() => prechecks.inFlight > 0) });
  ensureSystemObjects(store, table);
  ensureBootstrapPolicy(store, table);
  let access;
  try {
    access = configureAccess(options.auth ?? {}, tls?.clientCa !== undefined, () => informerRbacSource(store, hub, table));
    const refusal = openAccessRefusal(host, access.control, options.auth ?? {});
    if (refusal) throw new Error(refusal);
  } catch (err) {
    access?.stop();
    store.flush();
    await prechecks?.stop();
    await checkpointer?.stop();
    db.close();
    throw err;
  }
  ensureSimulatedNodes(store, table, options.simulation?.nodes ?? 0, options.simulation?.nodeLabels);
  const kubeVersion = options.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const watches = new WatchServer(store, hub, table, { ...DEFAULT_WATCH_CONFIG, ...options.watch }, clock);
  const app = buildApp({
    store,
    table,
    watches,
    kubeVersion,
    clock,
    logger: { level: options.logLevel ?? 'silent' },
    access: access.control,
    https: tls && { cert: tls.cert, key: tls.key, clientCa: tls.clientCa },
    overload: overloadLimits(options.overload),
    prechecks,
    hubSubscribers: () => hub.subscriberCount(),
    healthChecks: [
      { name: 'ping', check: () => true },
      { name: 'log', check: () => true },
      { name: 'sqlite', check: () => db.open },
    ],
  });
  let controllers: RunningControllers | undefined;
  let closed = false;
  const stopCompaction = scheduleCompaction(store, {
    eventWindow: options.eventWindow ?? 50_000,
    intervalMs: options.compactIntervalMs ?? 60_000,
  });
  for (const warning of access.warnings) app.log.warn(warning);
  try {
    await app.listen({ port: options.port ?? 8080, host });
  } catch (err) {
    stopCompaction();
    access.stop();
    await prechecks?.stop();
    await checkpointer?.stop();
    db.close();
    throw err;
  }
  if (options.controllers !== false) {
    // The API serves first; the controllers (a controller manager, upstream) then fill their caches, which with a
    // large database takes a moment that readiness of the API need not wait for.
    setImmediate(() => {
      if (closed) return;
      controllers = startControllers(
        new ControllerContext(store, hub, table, controllerClock(clock), (m) => app.log.warn(m), SYNC_COALESCE_MS),
        controllersConfig(kubeVersion, options.simulation, options.controllerConfig),
      );
      controllers.ready.catch((err: unknown) => app.log.error({ err }, 'the controllers could not fill their caches'));
    });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (options.connectionFile) {
    writeConnectionFile(options.connectionFile, { url, ca: tls?.servingCa, tokenAuthFile: options.auth?.tokenAuthFile });
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    kubeconfig: kubeconfigFor(url, { ca: tls?.servingCa }),
    ca: tls?.servingCa,
    close() {
      closing ??= (async () => {
        closed = true;
        if (options.connectionFile) removeConnectionFile(options.connectionFile);
        stopCompaction();
        access.stop();
        controllers?.stop();
        watches.closeAll();
        hub.close();
        await app.close();
        await prechecks?.stop();
        store.flush();
        await checkpointer?.stop();
        db.close();
      })();
      return closing;
    },
  };
}

/** Upstream's defaults for every limit the options leave out (an explicit undefined included). */
function overloadLimits(given: Partial<OverloadLimits> = {}): OverloadLimits {
  const limits = { ...DEFAULT_OVERLOAD_LIMITS };
  for (const key of Object.keys(limits) as (keyof OverloadLimits)[]) {
    const value = given[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
