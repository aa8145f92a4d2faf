import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { resourceTable } from '../../../schemas/resources.js';
import { buildApp } from '../../../server/app.js';
import { systemClock } from '../../../server/clock.js';
import { DEFAULT_WATCH_CONFIG, WatchServer } from '../../../server/http/watch.js';
import { Store } from '../../../server/registry/store.js';
import { openDatabase } from '../../../server/storage/db.js';
import { WatchHub } from '../../../server/storage/watch-hub.js';

/** The log lines a GET writes at `level`, captured from the app's own logger. */
async function linesAt(level: string): Promise<string[]> {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  const db = openDatabase({ path: ':memory:' });
  const table = resourceTable();
  const hub = new WatchHub();
  const store = new Store(db, hub, systemClock, { groupCommit: true });
  const watches = new WatchServer(store, hub, table, DEFAULT_WATCH_CONFIG, systemClock);
  const app = buildApp({ store, table, watches, kubeVersion: 'v1.32.4', clock: systemClock, logger: { level, stream } });
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/namespaces' })).statusCode, 200);
  } finally {
    await app.close();
    hub.close();
    db.close();
  }
  return lines;
}

describe('request logging', () => {
  it('writes no line per request at info, as upstream logs requests only at raised verbosity', async () => {
    assert.deepEqual(await linesAt('info'), []);
  });

  it('writes the request and its completion at debug, with method and URL but no headers', async () => {
    const lines = await linesAt('debug');
    assert.ok(lines.some((l) => l.includes('incoming request') && l.includes('"url":"/api/v1/namespaces"')), lines.join(''));
    assert.ok(lines.some((l) => l.includes('request completed')));
    assert.ok(lines.every((l) => !l.includes('"headers"')));
  });
});
