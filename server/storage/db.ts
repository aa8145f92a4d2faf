import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Durability = 'default' | 'full';

export interface OpenOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** 'default' survives a killed process (WAL, synchronous=NORMAL); 'full' also survives power loss (fsync per commit). */
  durability?: Durability;
}

/** Opens the database, sets the pragmas mimikube relies on and brings the schema up to date. */
export function openDatabase(options: OpenOptions): Database.Database {
  const db = new Database(options.path);
  try {
    if (options.path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
