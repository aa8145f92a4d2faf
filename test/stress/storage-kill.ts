import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { resourceTable } from '../../schemas/resources.js';
import { ensureSystemObjects } from '../../server/bootstrap.js';
import { systemClock } from '../../server/clock.js';
import { Store } from '../../server/registry/store.js';
import { openDatabase } from '../../server/storage/db.js';
import { loadMigrations, migrate } from '../../server/storage/migrate.js';
import { WatchHub } from '../../server/storage/watch-hub.js';
import { Prng } from '../fuzz/prng.js';
import { chunkedWatch } from '../helpers/watch-client.js';
import { checkDatabase } from './db-check.js';
import { startServerOn } from './crash-safety.js';

const CHILD = fileURLToPath(new URL('./storage-child.js', import.meta.url));
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';

export type StorageOperation = 'compact' | 'migrate';

export interface StorageKillOptions {
  operation: StorageOperation;
  kills: number;
  /** Objects in the database; for compaction, also how many log entries are written on top of them. */
  objects: number;
  backlog: number;
  seed: number;
  log?: (line: string) => void;
}

export interface StorageKillReport {
  operation: StorageOperation;
  kills: number;
  /** Kills that landed before the operation finished (the rest hit just after: both must be safe). */
  killedDuring: number;
  operationMs: number;
  objectsExpected: number;
  objectsVerified: number;
  lost: number;
  violations: string[];
}

/** The current objects as the test wrote them: name → [resourceVersion, data.v]. */
type Expected = Map<string, [string, string]>;

/** A database at schema version 1 holding `objects` ConfigMaps, the log of the older half compacted away. */
export function prepareVersion1(path: string, objects: number): Expected {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, loadMigrations().slice(0, 1));
  db.transaction(() => {
    db.prepare(`
      WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
      INSERT INTO events (rv, resource, namespace, name, type, body, prev_body)
      SELECT i, 'configmaps', 'default', 'cm-' || i, 'ADDED', json_object(
        'kind', 'ConfigMap', 'apiVersion', 'v1',
        'metadata', json_object('name', 'cm-' || i, 'namespace', 'default', 'uid', printf('00000000-0000-4000-8000-%012d', i),
                                'creationTimestamp', '2026-01-01T00:00:00Z', 'resourceVersion', CAST(i AS TEXT)),
        'data', json_object('v', CAST(i AS TEXT), 'pad', printf('%.200c', 'x'))), NULL
      FROM seq`).run(objects);
    db.exec(`INSERT INTO objects (resource, namespace, name, uid, rv, body)
             SELECT resource, namespace, name, json_extract(body, '$.metadata.uid'), rv, body FROM events`);
    const compacted = Math.floor(objects / 2);
    db.prepare('DELETE FROM events WHERE rv <= ?').run(compacted);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'compacted_rv'").run(String(compacted));
  })();
  db.close();
  return new Map(Array.from({ length: objects }, (_, k) => [`cm-${k + 1}`, [String(k + 1), String(k + 1)]]));
}

/** A current database with `objects` ConfigMaps made by the Store, then `backlog` updates of them in the log. */
export function prepareBacklog(path: string, objects: number, backlog: number): Expected {
  const db = openDatabase({ path });
  const table = resourceTable();
  const store = new Store(db, new WatchHub(), systemClock);
  ensureSystemObjects(store, table);
  const cms = table.find('', 'v1', 'configmaps')!;
  store.write(() => {
    for (let i = 1; i <= objects; i++) store.create(cms, 'default', { metadata: { name: `cm-${i}` }, data: { v: '0' } });
  });
  // The Store writes some 20,000 changes a second; the backlog that makes a compaction last is written in SQL,
  // each entry an update of one of the objects carrying its own resourceVersion, as the Store would write it.
  const base = store.currentRv();
  db.transaction(() => {
    // Bound numbers arrive as REAL: cast them, or names and resourceVersions would read "cm-1.0" and "5.0".
    db.exec(`CREATE TEMP TABLE current_body (slot INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
    db.exec(`INSERT INTO current_body SELECT CAST(substr(o.name, 4) AS INTEGER), e.body FROM objects o JOIN events e ON e.rv = o.rv
             WHERE o.resource = 'configmaps'`);
    db.prepare(`
      WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < CAST(@backlog AS INTEGER))
      INSERT INTO events (rv, resource, namespace, name, type, body, prev_body)
      SELECT CAST(@base AS INTEGER) + i, 'configmaps', 'default', 'cm-' || c.slot, 'MODIFIED',
        json_set(c.body, '$.metadata.resourceVersion', CAST(CAST(@base AS INTEGER) + i AS TEXT), '$.data.v', CAST(i AS TEXT)), c.body
      FROM seq CROSS JOIN current_body c WHERE c.slot = 1 + i % CAST(@objects AS INTEGER)`).run({ backlog, base, objects });
    db.exec(`CREATE TEMP TABLE newest (namespace TEXT, name TEXT, rv INTEGER, PRIMARY KEY (namespace, name))`);
    db.exec(`INSERT INTO newest SELECT namespace, name, max(rv) FROM events WHERE resource = 'configmaps' GROUP BY namespace, name`);
    db.exec(`UPDATE objects SET rv = (SELECT n.rv FROM newest n WHERE n.namespace = objects.namespace AND n.name = objects.name)
             WHERE resource = 'configmaps'`);
    db.exec('DROP TABLE newest');
    db.exec('DROP TABLE current_body');
  })();
  const rows = db.prepare(`SELECT o.name, o.rv, json_extract(e.body, '$.data.v') AS v FROM objects o JOIN events e ON e.rv = o.rv
                           WHERE o.resource = 'configmaps'`).all() as Array<{ name: string; rv: number; v: string }>;
  db.close();
  return new Map(rows.map((r) => [r.name, [String(r.rv), r.v]]));
}

/** Runs the operation in a child; kills it `killAfterMs` after it starts, or lets it finish when undefined. */
async function runChild(operation: StorageOperation, path: string, killAfterMs?: number): Promise<{ done: boolean; ms: number }> {
  const args = operation === 'compact' ? [CHILD, 'compact', path, '100'] : [CHILD, 'migrate', path];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('start\n')) resolve();
    });
    child.on('exit', () => reject(new Error(`the ${operation} child exited before starting: ${out}`)));
  });
  if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  await exited;
  const done = /done (\d+)/.exec(out);
  return { done: done !== null, ms: done ? Number(done[1]) : 0 };
}

/** Starts the real server on the database and checks every object is there, as written, and the log agrees. */
async function verifyAfterKill(path: string, expected: Expected, violations: string[]): Promise<number> {
  const server = await startServerOn(path);
  try {
    const res = await server.api.get(CONFIGMAPS);
    const found = new Map<string, any>((res.body.items as any[]).map((o) => [o.metadata.name, o]));
    let verified = 0;
    for (const [name, [rv, v]] of expected) {
      const obj = found.get(name);
      if (obj?.metadata.resourceVersion === rv && obj.data?.v === v) verified++;
      else if (violations.length < 20) violations.push(`${name}: expected rv ${rv} v ${v}, found ${JSON.stringify(obj?.metadata ?? null)}`);
    }
    if (found.size !== expected.size) violations.push(`${found.size} ConfigMaps found, ${expected.size} expected`);
    const check = checkDatabase(path);
    violations.push(...check.violations);
    if (check.userVersion !== loadMigrations().length) violations.push(`schema version ${check.userVersion} after the restart`);
    // A watch from before the compacted revision must be told to relist; from after it, it must replay.
    const latest = Number(res.body.metadata.resourceVersion);
    const old = await chunkedWatch(server.url, `${CONFIGMAPS}?watch=true&resourceVersion=1&timeoutSeconds=1`);
    await old.waitForEnd(15_000);
    const expired = old.events[0]?.type === 'ERROR' && old.events[0].object.code === 410;
    if (check.compactedRv > 1 && !expired) violations.push(`a watch from rv 1 below the compacted rv ${check.compactedRv} was not told 410`);
    const recent = await chunkedWatch(server.url, `${CONFIGMAPS}?watch=true&resourceVersion=${latest}&timeoutSeconds=1`);
    await recent.waitForEnd(15_000);
    if (recent.events.some((e) => e.type === 'ERROR')) violations.push(`a watch from the current rv failed: ${JSON.stringify(recent.events[0])}`);
    return verified;
  } finally {
    await server.stop();
  }
}

/**
 * SIGKILLs a process in the middle of a compaction or a migration, at a random moment of its measured duration,
 * then starts the real server on the database and verifies that nothing was lost or half-done.
 */
export async function runStorageKills(options: StorageKillOptions): Promise<StorageKillReport> {
  const dir = mkdtempSync(join(tmpdir(), `mimikube-${options.operation}-`));
  const rng = new Prng(options.seed);
  const pristine = join(dir, 'pristine.db');
  const work = join(dir, 'work.db');
  const report: StorageKillReport = {
    operation: options.operation, kills: 0, killedDuring: 0, operationMs: 0, objectsExpected: 0, objectsVerified: 0,
    lost: 0, violations: [],
  };
  try {
    const expected = options.operation === 'migrate'
      ? prepareVersion1(pristine, options.objects)
      : prepareBacklog(pristine, options.objects, options.backlog);
    const fresh = () => {
      for (const suffix of ['-wal', '-shm']) rmSync(work + suffix, { force: true });
      copyFileSync(pristine, work);
    };
    fresh();
    report.operationMs = (await runChild(options.operation, work)).ms;
    options.log?.(`${options.operation}: ${options.objects} objects, uninterrupted in ${report.operationMs} ms`);
    for (let kill = 1; kill <= options.kills; kill++) {
      fresh();
      const outcome = await runChild(options.operation, work, rng.int(0, Math.floor(report.operationMs * 0.9)));
      report.kills++;
      if (!outcome.done) report.killedDuring++;
      const violations: string[] = [];
      const verified = await verifyAfterKill(work, expected, violations);
      report.objectsExpected += expected.size;
      report.objectsVerified += verified;
      report.lost += expected.size - verified;
      report.violations.push(...violations.map((v) => `kill ${kill}: ${v}`));
      options.log?.(`${options.operation} kill ${kill}: ${outcome.done ? 'after it finished' : 'during it'}; ${verified}/${expected.size} objects verified`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
