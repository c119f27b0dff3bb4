/**
 * Searches a whole database (every row of every table, cast to text) and a folder's files (as
 * raw bytes) for strings: what an erasure test must find nothing of afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

/** "table: needle" for every table that has a row whose text contains the needle (case-insensitive). */
export async function searchTables(db: Kysely<DB>, needles: string[]): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const found: string[] = [];
  for (const { table_name } of rows) {
    for (const needle of needles) {
      const pattern = `%${needle.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const { rows: hit } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} as x where x::text ilike ${pattern}`.execute(db);
      if (hit[0].n > 0) found.push(`${table_name}: ${needle} (${hit[0].n})`);
    }
  }
  return found;
}

/** "relative path: needle" for every file under dir whose bytes contain the needle. */
export function searchFiles(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const bytes = fs.readFileSync(full);
        for (const n of needles) if (bytes.includes(Buffer.from(n, 'utf8'))) found.push(`${path.relative(dir, full)}: ${n}`);
      }
    }
  };
  walk(dir);
  return found;
}
