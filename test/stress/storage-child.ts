import { compactOnce } from '../../server/compaction.js';
import { systemClock } from '../../server/clock.js';
import { Store } from '../../server/registry/store.js';
import { openDatabase } from '../../server/storage/db.js';
import { WatchHub } from '../../server/storage/watch-hub.js';

/**
 * A process that runs one storage operation of the real server code on a database file, announcing on stdout when
 * it starts and when it is done, so that a parent can SIGKILL it in between:
 *   node storage-child.js migrate <db>                 opening the database applies pending migrations
 *   node storage-child.js compact <db> <eventWindow>   one compaction, as the server's timer runs it
 * stdout is a pipe, which Node writes synchronously on Linux: "start" is out before the work blocks the process.
 */
const [mode, path, window] = process.argv.slice(2);
if (mode === 'migrate') {
  process.stdout.write('start\n');
  const started = Date.now();
  openDatabase({ path }).close();
  process.stdout.write(`done ${Date.now() - started}\n`);
} else if (mode === 'compact') {
  const db = openDatabase({ path });
  const store = new Store(db, new WatchHub(), systemClock);
  process.stdout.write('start\n');
  const started = Date.now();
  const removed = compactOnce(store, Number(window));
  process.stdout.write(`done ${Date.now() - started} ${removed}\n`);
  db.close();
} else {
  process.stderr.write('usage: storage-child.js migrate <db> | compact <db> <eventWindow>\n');
  process.exitCode = 2;
}
