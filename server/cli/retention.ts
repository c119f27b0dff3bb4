/**
 * `npm run privacy:retention [-- --now <ISO datetime>]`: strips personal data older than the
 * workspace's retention_days from recommendations, drafts and evaluation results, and prints what
 * it did as JSON. The server runs the same job hourly; `--now` replays it at another date.
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { applyRetention } from '../modules/privacy/retention.ts';

const args = process.argv.slice(2);
const nowArg = args.indexOf('--now') >= 0 ? args[args.indexOf('--now') + 1] : undefined;
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime()) || args.some((a) => a.startsWith('--') && a !== '--now')) {
  console.error('usage: npm run privacy:retention [-- --now <ISO datetime>]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') });
try {
  await migrateToLatest(database.db);
  console.log(JSON.stringify(await applyRetention(database.db, { now, actor: 'cli:retention' }), null, 2));
} finally {
  await database.close();
}
