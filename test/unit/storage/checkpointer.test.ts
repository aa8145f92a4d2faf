import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startCheckpointer } from '../../../server/storage/checkpointer.js';
import { openDatabase } from '../../../server/storage/db.js';
import { waitFor } from '../../helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'mimikube-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function writeRows(db: ReturnType<typeof openDatabase>, count: number): void {
  const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < count; i++) put.run(`k-${Math.random()}-${i}`, 'x'.repeat(2000));
  })();
}

describe('background WAL checkpoints', () => {
  it('take the checkpoints off the writing connection and keep the WAL copied back', async () => {
    const db = openDatabase({ path: join(dir, 'a.db') });
    const checkpointer = startCheckpointer(db, 10);
    assert.ok(checkpointer);
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0);
    writeRows(db, 500);
    const walBytes = statSync(join(dir, 'a.db-wal')).size;
    assert.ok(walBytes > 500 * 2000, `the WAL holds the writes (${walBytes} bytes)`);
    // This connection never checkpoints (autocheckpoint 0), so the database file grows only by the worker's copying.
    await waitFor('the worker to copy the WAL into the database file', () => statSync(join(dir, 'a.db')).size > 500 * 2000);
    await checkpointer.stop();
    db.close();
  });

  it('stops cleanly and leaves a database that reopens with every row', async () => {
    const path = join(dir, 'b.db');
    const db = openDatabase({ path });
    const checkpointer = startCheckpointer(db, 10)!;
    writeRows(db, 50);
    await checkpointer.stop();
    db.close();
    const reopened = openDatabase({ path });
    assert.equal((reopened.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'k-%'").get() as { n: number }).n, 50);
    reopened.close();
  });

  it('is not started for an in-memory database', () => {
    const db = openDatabase({ path: ':memory:' });
    assert.equal(startCheckpointer(db), undefined);
    db.close();
  });
});
