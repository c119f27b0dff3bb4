/**
 * The ceiling for bench/endpoint.ts: a bare Fastify route doing ONE insert per request into the
 * same kind of database as the real server (same openDatabase, pool of 10 or the file-backed
 * embedded database, same schema, bootstrapped the same way). No auth, no validation, no rules,
 * no draft, no response schema: it parses the JSON body and stores it as one audit_log row, the
 * table every recommendation also writes. Whatever the real endpoint does on top of that is our
 * cost; its throughput as a share of this one says how much of the database's capacity we keep.
 * Prints one JSON line {port} on stdout when it listens; stops on SIGTERM.
 *
 *   npx tsx bench/endpoint-ceiling-server.ts embedded|postgres [postgres url]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/database.ts';

const kind = process.argv[2] as 'embedded' | 'postgres';
const url = process.argv[3];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-ceiling-'));
const database = await openDatabase(kind === 'postgres' ? { databaseUrl: url, poolSize: 10 } : { embeddedDir: path.join(dataDir, 'pgdata') });
await bootstrap(database.db, { seedDemo: false });

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post('/ceiling', async (request, reply) => {
  const row = await database.db
    .insertInto('audit_log')
    .values({ actor: 'bench', action: 'ceiling.insert', subject: null, details: JSON.stringify(request.body) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return reply.code(201).send({ id: row.id });
});
// Rows written, to check that every 2xx was one insert.
app.get('/ceiling/count', async () => {
  const { n } = await database.db.selectFrom('audit_log').where('action', '=', 'ceiling.insert').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { total: Number(n) };
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
