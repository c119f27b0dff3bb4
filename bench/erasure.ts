/**
 * Privacy benchmark: erasure of one person from a dataset of N generated leads held in two
 * versions (the first locked), and the suppression-list lookup that production, evaluations and
 * the preview run before deciding. Prints wall times; nothing is asserted.
 *
 *   npx tsx bench/erasure.ts [--count 20000] [--db embedded|postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default) for PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { generateLeads } from '../datasets/generator/index.ts';
import { migrateToLatest, openDatabase } from '../server/db/database.ts';
import type { Lead } from '../server/domain/lead.ts';
import { importRows } from '../server/modules/datasets/import-service.ts';
import { createDataset } from '../server/modules/datasets/service.ts';
import { erasePerson } from '../server/modules/privacy/erasure.ts';
import { findSubject } from '../server/modules/privacy/find-subject.ts';
import { addSuppressions, leadSubjects, lookupSuppressions } from '../server/modules/privacy/suppression-list.ts';
import { contactKeys } from '../server/domain/privacy/identifiers.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--count') ?? 20_000);
const kind = (args.get('--db') ?? 'embedded') as 'embedded' | 'postgres';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  let url: string | undefined;
  let dropName: string | undefined;
  if (kind === 'postgres') {
    dropName = `rekindle_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${dropName}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${dropName}`;
    url = u.toString();
  }
  const database = await openDatabase(url ? { databaseUrl: url } : { embeddedDir: 'memory://' });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const leads: Lead[] = [...generateLeads({ seed: 7, count, asOf: '2026-11-20' })];
    const ds = await createDataset(db, { name: 'bench', as_of: '2026-11-20' }, 'bench');
    const rows = async function* (list: Lead[]) {
      let line = 0;
      for (const lead of list) yield { line: ++line, ok: true as const, lead };
    };
    let t0 = performance.now();
    await importRows(db, ds.id, rows(leads), { actor: 'bench', format: 'jsonl' });
    console.log(`${kind}: import of ${count} leads (incl. consent refusals onto the list): ${(performance.now() - t0).toFixed(0)} ms`);
    await db.updateTable('datasets').set({ locked_at: new Date() }).where('id', '=', ds.id).execute();
    await importRows(db, ds.id, rows(leads.slice(0, 10)), { actor: 'bench', format: 'jsonl' });

    // A list of 10,000 entries (a big CRM DNC list), then the lookups.
    await addSuppressions(db, Array.from({ length: 10_000 }, (_, i) => ({ kind: 'email' as const, value: `dnc${i}@example.org`, reason: 'opted_out' as const, source: 'bench', effective_at: new Date() })), 'bench');
    const batch = leads.slice(0, 1000).map((l, i) => ({ id: String(i), keys: contactKeys(l) }));
    let h0 = performance.now();
    for (const l of leads) contactKeys(l);
    console.log(`${kind}: normalising ${count} leads' identifiers: ${(performance.now() - h0).toFixed(0)} ms`);
    h0 = performance.now();
    void h0;
    for (let i = 0; i < 3; i++) await lookupSuppressions(db, batch.slice(0, 1), null);
    t0 = performance.now();
    for (let i = 0; i < 20; i++) await lookupSuppressions(db, batch.slice(0, 1), null);
    console.log(`${kind}: suppression lookup for one lead (production request): ${((performance.now() - t0) / 20).toFixed(2)} ms`);
    t0 = performance.now();
    await lookupSuppressions(db, batch, null);
    console.log(`${kind}: suppression lookup for a batch of 1000 leads: ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    await lookupSuppressions(db, leadSubjects(leads), new Date());
    console.log(`${kind}: suppression lookup for the whole dataset (${count} leads, evaluation run start): ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    await lookupSuppressions(db, leadSubjects(leads), new Date());
    console.log(`${kind}: the same, list unchanged (index cached; the preview also caches per feature set): ${(performance.now() - t0).toFixed(0)} ms`);

    const person = leads.find((l) => l.contact?.email)!;
    t0 = performance.now();
    const subject = await findSubject(db, { email: person.contact!.email });
    console.log(`${kind}: finding the person in 2 versions x ${count} leads: ${(performance.now() - t0).toFixed(0)} ms (${subject.leads.length} lead rows)`);
    t0 = performance.now();
    const result = await erasePerson({ db, dbKind: database.kind, dataDir: null }, { email: person.contact!.email, reason: 'bench' }, 'bench');
    console.log(`${kind}: erasure incl. VACUUM FULL of the touched tables${kind === 'embedded' ? ' and checkpoint' : ''}: ${(performance.now() - t0).toFixed(0)} ms (${result.records_erased} records)`);
  } finally {
    await database.close();
    if (dropName) {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${dropName} with (force)`);
      await c.end();
    }
  }
}

await main();
