import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { packageRoot } from '../package-root.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface Migration {
  version: number;
  file: string;
  sql: string;
}

/** Reads migrations/NNNN_*.sql; numbers must start at 1 and have no gaps, so a missing file is caught early. */
export function loadMigrations(dir = join(packageRoot(), 'migrations')): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4));
    if (version !== index + 1) throw new MigrationError(`migration ${file} is out of sequence (expected ${index + 1})`);
    return { version, file, sql: readFileSync(join(dir, file), 'utf8') };
  });
}

/**
 * Applies pending migrations, each in its own transaction together with the user_version bump, so a crash leaves
 * the database at one version or the next, never in between.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new MigrationError(
      `database schema version ${current} is newer than this mimikube understands (${latest}); ` +
        'use a newer mimikube or another --db file',
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return latest;
}
