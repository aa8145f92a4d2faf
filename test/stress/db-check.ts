import Database from 'better-sqlite3';

export interface LogEntry {
  rv: number;
  type: string;
  namespace: string;
  name: string;
  body: string;
}

export interface DbCheck {
  objects: number;
  events: number;
  compactedRv: number;
  userVersion: number;
  violations: string[];
}

const SAMPLE = 5;

/** Runs `sql` and reports up to SAMPLE offending rows as one violation, worded by `what`. */
function expectNone(db: Database.Database, what: string, sql: string, violations: string[]): void {
  const rows = db.prepare(sql).all();
  if (rows.length > 0) violations.push(`${what}: ${JSON.stringify(rows.slice(0, SAMPLE))}${rows.length > SAMPLE ? ` (+${rows.length - SAMPLE})` : ''}`);
}

/**
 * Reads the database file read-only, beside the running server, and checks that the event log and the current state
 * agree: every object points at a log entry that wrote it with its resourceVersion, every key's newest entry is its
 * current state (or its deletion), every body carries its own resourceVersion, and the sequence never fell behind.
 */
export function checkDatabase(path: string): DbCheck {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const violations: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') violations.push(`integrity_check: ${String(integrity)}`);
    expectNone(db, 'objects whose log entry is missing',
      'SELECT o.resource, o.namespace, o.name, o.rv FROM objects o LEFT JOIN events e ON e.rv = o.rv WHERE e.rv IS NULL LIMIT 50', violations);
    expectNone(db, 'objects whose log entry is another object, a deletion or another resourceVersion',
      `SELECT o.resource, o.namespace, o.name, o.rv FROM objects o JOIN events e ON e.rv = o.rv
       WHERE e.resource != o.resource OR e.namespace != o.namespace OR e.name != o.name OR e.type = 'DELETED'
          OR json_extract(e.body, '$.metadata.resourceVersion') != CAST(o.rv AS TEXT)
          OR json_extract(e.body, '$.metadata.name') != o.name LIMIT 50`, violations);
    expectNone(db, 'log entries whose body carries another resourceVersion',
      `SELECT rv FROM events WHERE json_extract(body, '$.metadata.resourceVersion') != CAST(rv AS TEXT) LIMIT 50`, violations);
    expectNone(db, 'keys whose newest log entry disagrees with the current state',
      // The log has no per-object index (creates would pay for it): find each key's newest entry in one pass.
      `SELECT e.resource, e.namespace, e.name, e.type, e.rv, o.rv AS current
       FROM (SELECT max(rv) AS rv FROM events GROUP BY resource, namespace, name) newest
       JOIN events e ON e.rv = newest.rv
       LEFT JOIN objects o ON o.resource = e.resource AND o.namespace = e.namespace AND o.name = e.name
       WHERE (e.type = 'DELETED' AND o.rv IS NOT NULL) OR (e.type != 'DELETED' AND (o.rv IS NULL OR o.rv != e.rv))
       LIMIT 50`, violations);
    const seq = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as { seq: number } | undefined)?.seq ?? 0;
    const maxRv = (db.prepare('SELECT max(rv) AS rv FROM events').get() as { rv: number | null }).rv ?? 0;
    if (seq < maxRv) violations.push(`the resourceVersion sequence (${seq}) is behind the newest log entry (${maxRv})`);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const compacted = db.prepare("SELECT value FROM meta WHERE key = 'compacted_rv'").get() as { value: string } | undefined;
    return {
      objects: count('SELECT count(*) AS n FROM objects'),
      events: count('SELECT count(*) AS n FROM events'),
      compactedRv: Number(compacted?.value ?? 0),
      userVersion,
      violations,
    };
  } finally {
    db.close();
  }
}

/** The log of one resource after `rv`, oldest first, as a watch from `rv` should replay it. */
export function logAfter(path: string, resource: string, namespace: string, rv: number): LogEntry[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT rv, type, namespace, name, body FROM events WHERE resource = ? AND namespace = ? AND rv > ? ORDER BY rv')
      .all(resource, namespace, rv) as LogEntry[];
  } finally {
    db.close();
  }
}
