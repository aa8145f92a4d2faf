import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { parseArgs } from 'node:util';

/**
 * The reference ceiling: the fastest this stack (Fastify 5 + better-sqlite3) can store and serve a JSON object,
 * with none of an API server's work. `POST /objects` parses the body and runs one prepared INSERT in its own
 * transaction; `GET /objects/:name` reads it back. WAL with synchronous=NORMAL, as mimikube's default durability
 * (`--synchronous full` gives the fsync-per-commit ceiling).
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, db: { type: 'string' }, synchronous: { type: 'string', default: 'normal' } },
});
if (!values.db) throw new Error('--db <file> is required');
const db = new Database(values.db);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${values.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
db.exec('CREATE TABLE IF NOT EXISTS objects (name TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO objects (name, body) VALUES (?, ?)');
const select = db.prepare<[string], string>('SELECT body FROM objects WHERE name = ?').pluck();
const store = db.transaction((name: string, body: string) => insert.run(name, body));

const app = Fastify({ logger: false });
app.post<{ Body: { name?: unknown } }>('/objects', async (request, reply) => {
  const name = request.body?.name;
  if (typeof name !== 'string') return reply.code(400).send({ error: 'name is required' });
  const body = JSON.stringify(request.body);
  try {
    store(name, body);
  } catch {
    return reply.code(409).send({ error: 'exists' });
  }
  return reply.code(201).type('application/json').send(body);
});
app.get<{ Params: { name: string } }>('/objects/:name', async (request, reply) => {
  const body = select.get(request.params.name);
  if (body === undefined) return reply.code(404).send({ error: 'not found' });
  return reply.type('application/json').send(body);
});

// For the start-up scenario: how soon this stack alone can answer, the floor under mimikube's start-up.
app.get('/readyz', async (_request, reply) => reply.type('text/plain').send('ok'));

const address = await app.listen({ port: Number(values.port), host: '127.0.0.1' });
process.stderr.write(`reference server on ${address}\n`);
const stop = () => {
  app.close().then(() => {
    db.close();
    process.exit(0);
  }, () => process.exit(1));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
