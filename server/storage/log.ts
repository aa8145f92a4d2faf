import type Database from 'better-sqlite3';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredRow {
  namespace: string;
  name: string;
  uid: string;
  rv: number;
  body: string;
}

export interface LogEvent {
  rv: number;
  resource: string;
  namespace: string;
  name: string;
  type: EventType;
  body: string;
  prev_body: string | null;
}

export interface PageQuery {
  resource: string;
  /** undefined = every namespace (and cluster-scoped kinds, whose namespace is ''). */
  namespace?: string;
  /** Exclusive start key from a continue token. */
  after?: { namespace: string; name: string };
  limit: number;
  /** Read the state as of this revision; undefined = current state. */
  atRv?: number;
}

export interface PageRow {
  namespace: string;
  name: string;
  body: string;
}

/** The WHERE clause shared by both halves of a page query; `alias` names the table it applies to. */
function keyFilter(query: PageQuery, alias: string): string {
  const parts = [`${alias}.resource = @resource`];
  if (query.namespace !== undefined) parts.push(`${alias}.namespace = @namespace`);
  if (query.after) {
    parts.push(`(${alias}.namespace > @afterNs OR (${alias}.namespace = @afterNs AND ${alias}.name > @afterName))`);
  }
  return parts.join(' AND ');
}

/**
 * All SQL of the object store and its event log. Writes are only valid inside a transaction opened by the caller;
 * resourceVersions are assigned by the caller so the body written can already carry its own resourceVersion.
 */
export class ObjectLog {
  private readonly stmts;
  private readonly statementCache = new Map<string, Database.Statement>();
  private readonly writes = new Map<string, number>();

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      get: db.prepare<[string, string, string], StoredRow>(
        'SELECT o.namespace, o.name, o.uid, o.rv, e.body FROM objects o JOIN events e ON e.rv = o.rv ' +
          'WHERE o.resource = ? AND o.namespace = ? AND o.name = ?',
      ),
      // A GET serves the stored text as is: the body alone, as bytes (CAST to BLOB only relabels them), so it goes to
      // the socket without being decoded into a string and encoded back.
      getBody: db.prepare<[string, string, string], Buffer>(
        'SELECT CAST(e.body AS BLOB) FROM objects o JOIN events e ON e.rv = o.rv WHERE o.resource = ? AND o.namespace = ? AND o.name = ?',
      ).pluck(),
      insertObject: db.prepare(
        'INSERT INTO objects (resource, namespace, name, uid, rv) VALUES (?, ?, ?, ?, ?)',
      ),
      updateObject: db.prepare(
        'UPDATE objects SET uid = ?, rv = ? WHERE resource = ? AND namespace = ? AND name = ?',
      ),
      deleteObject: db.prepare('DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
      appendEvent: db.prepare(
        'INSERT INTO events (rv, resource, namespace, name, type, body, prev_body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      lastRv: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
      compactedRv: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'compacted_rv'"),
      setCompactedRv: db.prepare("UPDATE meta SET value = ? WHERE key = 'compacted_rv'"),
      // Entries that are still some object's current state stay: objects read their bodies from them.
      compact: db.prepare('DELETE FROM events WHERE rv <= ? AND rv NOT IN (SELECT rv FROM objects)'),
      eventsAfter: db.prepare<[string, number, number], LogEvent>(
        'SELECT rv, resource, namespace, name, type, body, prev_body FROM events WHERE resource = ? AND rv > ? ORDER BY rv LIMIT ?',
      ),
      countObjects: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM objects WHERE resource = ?'),
      countInNamespace: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM objects WHERE namespace = ?',
      ),
    };
  }

  lastRv(): number {
    return this.stmts.lastRv.get()?.seq ?? 0;
  }

  compactedRv(): number {
    return Number(this.stmts.compactedRv.get()?.value ?? 0);
  }

  get(resource: string, namespace: string, name: string): StoredRow | undefined {
    return this.stmts.get.get(resource, namespace, name);
  }

  getBody(resource: string, namespace: string, name: string): Buffer | undefined {
    return this.stmts.getBody.get(resource, namespace, name);
  }

  /** How many writes this log has made to `resource`'s objects: lets a cache of them know it is stale. */
  writeCount(resource: string): number {
    return this.writes.get(resource) ?? 0;
  }

  /**
   * Stores a new object; false, with nothing written, when one of that name exists already. Asking the primary key
   * instead of reading first saves every create a lookup.
   */
  insert(resource: string, namespace: string, name: string, uid: string, rv: number, body: string): boolean {
    try {
      this.stmts.insertObject.run(resource, namespace, name, uid, rv);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw err;
    }
    this.stmts.appendEvent.run(rv, resource, namespace, name, 'ADDED', body, null);
    this.noteWrite(resource);
    return true;
  }

  update(resource: string, row: StoredRow, rv: number, body: string): void {
    this.stmts.appendEvent.run(rv, resource, row.namespace, row.name, 'MODIFIED', body, row.body);
    this.stmts.updateObject.run(row.uid, rv, resource, row.namespace, row.name);
    this.noteWrite(resource);
  }

  /** `body` is the last state, stamped with the deletion's resourceVersion, as watchers receive it. */
  remove(resource: string, row: StoredRow, rv: number, body: string): void {
    this.stmts.appendEvent.run(rv, resource, row.namespace, row.name, 'DELETED', body, row.body);
    this.stmts.deleteObject.run(resource, row.namespace, row.name);
    this.noteWrite(resource);
  }

  private noteWrite(resource: string): void {
    this.writes.set(resource, this.writeCount(resource) + 1);
  }

  /**
   * One page in (namespace, name) order. For a past revision, objects changed since are read from the log: the
   * first change after the revision holds in prev_body the state at the revision (none if that change created it).
   */
  page(query: PageQuery): PageRow[] {
    const params: Record<string, string | number> = { resource: query.resource, limit: query.limit };
    if (query.namespace !== undefined) params.namespace = query.namespace;
    if (query.after) {
      params.afterNs = query.after.namespace;
      params.afterName = query.after.name;
    }
    if (query.atRv === undefined) {
      const sql = `SELECT o.namespace, o.name, ev.body FROM objects o JOIN events ev ON ev.rv = o.rv
                   WHERE ${keyFilter(query, 'o')} ORDER BY o.namespace, o.name LIMIT @limit`;
      return this.prepared(sql).all(params) as PageRow[];
    }
    params.atRv = query.atRv;
    // Objects changed since: their first change after the revision, found by scanning the resource's log from it.
    const sql = `
      SELECT namespace, name, body FROM (
        SELECT o.namespace, o.name, ev.body FROM objects o JOIN events ev ON ev.rv = o.rv
        WHERE ${keyFilter(query, 'o')} AND o.rv <= @atRv
        UNION ALL
        SELECT e.namespace, e.name, e.prev_body AS body FROM events e
        WHERE e.type != 'ADDED' AND e.rv IN (
          SELECT min(f.rv) FROM events f WHERE ${keyFilter(query, 'f')} AND f.rv > @atRv GROUP BY f.namespace, f.name)
      ) ORDER BY namespace, name LIMIT @limit`;
    return this.prepared(sql).all(params) as PageRow[];
  }

  private prepared(sql: string): Database.Statement {
    let stmt = this.statementCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statementCache.set(sql, stmt);
    }
    return stmt;
  }

  /** The log of one resource after `rv`, oldest first: what a watch from `rv` replays. */
  eventsAfter(resource: string, rv: number, limit: number): LogEvent[] {
    return this.stmts.eventsAfter.all(resource, rv, limit);
  }

  count(resource: string): number {
    return this.stmts.countObjects.get(resource)?.n ?? 0;
  }

  /** Objects after `key` in list order: a list page's remainingItemCount. */
  countAfter(resource: string, namespace: string | undefined, key: { namespace: string; name: string }): number {
    const query: PageQuery = { resource, namespace, after: key, limit: 0 };
    const params: Record<string, string> = { resource, afterNs: key.namespace, afterName: key.name };
    if (namespace !== undefined) params.namespace = namespace;
    const row = this.prepared(`SELECT count(*) AS n FROM objects o WHERE ${keyFilter(query, 'o')}`).get(params) as { n: number };
    return row.n;
  }

  countInNamespace(namespace: string): number {
    return this.stmts.countInNamespace.get(namespace)?.n ?? 0;
  }

  /** Drops log entries at or below `rv`; reads and watches from before it then answer 410 Expired. */
  compact(rv: number): number {
    const result = this.stmts.compact.run(rv);
    this.stmts.setCompactedRv.run(String(rv));
    return result.changes;
  }
}
