/**
 * `npm run import`: imports a CRM export (one or several files) into a dataset, through the same
 * staged import as the API, so the result is identical: all or nothing, every rejected line named
 * with its file and line.
 *
 *   npm run import -- --dataset <name | id> --mapping hubspot --leads contacts.csv \
 *       [--activities calls.csv] [--quotes deals.csv] [--file <name>=<path> ...] \
 *       [--encoding windows-1252] [--create --as-of YYYY-MM-DD] [--json]
 *
 * --activities / --quotes name the mapping's activities / quotes file when it has exactly one of
 * that kind; --file names any of them. Exit 0 when imported, 1 when some lines were rejected
 * (the rest is imported), 2 on bad usage or an import that failed (nothing written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { LEADS_FILE, parseMappingYaml } from '../domain/import/csv-mapping.ts';
import { AppError } from '../http/errors.ts';
import { decodeText } from '../modules/datasets/text-decoding.ts';
import { createDataset } from '../modules/datasets/service.ts';
import * as datasets from '../modules/datasets/repository.ts';
import { addImportFile, commitImport, createImport, discardImport } from '../modules/imports/service.ts';
import { getMappingText } from '../modules/mappings/service.ts';

const USAGE = `usage: npm run import -- --dataset <name | id> --mapping <name> --leads <file.csv>
                       [--activities <file.csv>] [--quotes <file.csv>] [--file <name>=<file.csv> ...]
                       [--encoding <name>] [--create --as-of YYYY-MM-DD] [--json]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  dataset: { type: 'string' },
  mapping: { type: 'string' },
  leads: { type: 'string' },
  activities: { type: 'string' },
  quotes: { type: 'string' },
  file: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  create: { type: 'boolean', default: false },
  'as-of': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
  args = parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
} catch (e) {
  usage((e as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.dataset || !args.mapping || !args.leads) usage('--dataset, --mapping and --leads are required');
if (args.create && !/^\d{4}-\d{2}-\d{2}$/.test(args['as-of'] ?? '')) usage('--create needs --as-of YYYY-MM-DD');

const ACTOR = 'cli:import';
const config = loadConfig();
const opened: { database?: Database } = {};

async function main(): Promise<number> {
  const database = (opened.database = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') }));
  const db = database.db;
  await bootstrap(db, { adminToken: config.adminToken ?? 'import-cli-creates-no-token', seedDemo: config.seedDemo });

  const parsed = parseMappingYaml((await getMappingText(db, args.mapping!)).content);
  if (!parsed.ok) usage(`The mapping "${args.mapping}" is invalid: ${parsed.errors.join('; ')}`);
  const mapping = parsed.mapping;
  const files: [string, string][] = [[LEADS_FILE, args.leads!]];
  for (const kind of ['activities', 'quotes'] as const) {
    const file = args[kind];
    if (!file) continue;
    const candidates = mapping.files.filter((f) => f.kind === kind);
    if (candidates.length !== 1) usage(`--${kind}: the mapping "${mapping.name}" has ${candidates.length} ${kind} files (${candidates.map((f) => f.name).join(', ') || 'none'}); name one with --file <name>=<path>`);
    files.push([candidates[0].name, file]);
  }
  for (const spec of args.file ?? []) {
    const eq = spec.indexOf('=');
    if (eq < 1) usage(`--file takes <name>=<path> (got "${spec}")`);
    files.push([spec.slice(0, eq), spec.slice(eq + 1)]);
  }
  // `npm run` starts us in the package folder: paths are relative to where the user typed them.
  for (const entry of files) entry[1] = path.resolve(process.env.INIT_CWD ?? process.cwd(), entry[1]);
  for (const [, file] of files) if (!fs.existsSync(file)) usage(`No such file: ${file}`);

  if (args.create && !(await datasets.findLatestByName(db, args.dataset!))) {
    await createDataset(db, { name: args.dataset!, as_of: args['as-of']! }, ACTOR);
  }
  const stage = await createImport(db, { dataset: args.dataset!, mapping: mapping.name }, ACTOR);
  try {
    for (const [name, file] of files) {
      const report = await addImportFile(db, stage.id, name, decodeText(fs.createReadStream(file), args.encoding));
      if (!args.json) console.error(`${name}: ${report.rows} rows from ${file} (${report.encoding?.name}, ${report.encoding?.source}), ${report.rejected.length} rejected`);
    }
    const result = await commitImport(db, stage.id, ACTOR);
    if (args.json) console.log(JSON.stringify(result));
    else {
      for (const r of result.rejected) console.log(`${r.file ?? LEADS_FILE} line ${r.line}: ${r.errors.join('; ')}`);
      console.log(`imported ${result.imported} leads into ${args.dataset} v${result.version} (${result.lead_count} leads), ${result.rejected.length} lines rejected`);
    }
    return result.rejected.length ? 1 : 0;
  } catch (e) {
    await discardImport(db, stage.id, ACTOR).catch(() => {});
    throw e;
  }
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error(e instanceof AppError ? `import failed, nothing written: ${e.detail}` : e);
    process.exitCode = 2;
  })
  .finally(() => opened.database?.close());
