/**
 * The bulk jobs behind the import routes: the same functions run in the bulk thread (the server,
 * bulk-thread-host.ts) or in the calling thread (tests, CLIs), so there is one implementation of
 * each. A job gets a database, its plain arguments and, for an upload, the request body as a
 * byte stream; everything it returns or throws crosses a thread boundary, so both are plain data.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { loadMapping } from '../mappings/service.ts';
import { readCsv, readJsonl } from '../datasets/import-sources.ts';
import { importRows, type ImportResult } from '../datasets/import-service.ts';
import { decodeText, type EncodingReport } from '../datasets/text-decoding.ts';
import { addImportFile, commitImport, type FileReport } from '../imports/service.ts';

export interface BulkJobs {
  /** A one-file import into a dataset: NDJSON lead records, or a CSV through a named mapping. */
  'dataset-import': { args: { datasetId: string; actor: string; mapping: string | null; encoding: string | undefined }; body: true; result: ImportResult & { encoding: EncodingReport | null } };
  /** One file of a multi-file import, staged. */
  'import-file': { args: { importId: string; file: string; encoding: string | undefined }; body: true; result: FileReport };
  /** A multi-file import written into its dataset. */
  'import-commit': { args: { importId: string; actor: string }; body: false; result: Awaited<ReturnType<typeof commitImport>> };
}
export type BulkJobKind = keyof BulkJobs;
export type BulkJobArgs<K extends BulkJobKind> = BulkJobs[K]['args'];
export type BulkJobResult<K extends BulkJobKind> = BulkJobs[K]['result'];

/** embedded: the database whose one session a long transaction would hold (imports are staged, importRows). */
export type JobContext = { db: Kysely<DB>; embedded: boolean };
type Job = (ctx: JobContext, args: never, body: Readable | null) => Promise<unknown>;

export const BULK_JOBS: Record<BulkJobKind, Job> = {
  'dataset-import': async ({ db, embedded }, args: BulkJobArgs<'dataset-import'>, body) => {
    const decoded = decodeText(body!, args.encoding);
    const mapping = args.mapping ? await loadMapping(db, args.mapping) : null;
    const rows = mapping ? readCsv(decoded.text, mapping) : readJsonl(decoded.text);
    const result = await importRows(db, args.datasetId, rows, { actor: args.actor, format: mapping ? 'csv' : 'jsonl', mapping: mapping?.name }, undefined, { staged: embedded });
    return { ...result, encoding: decoded.encoding() };
  },
  'import-file': async ({ db, embedded }, args: BulkJobArgs<'import-file'>, body) =>
    addImportFile(db, args.importId, args.file, decodeText(body!, args.encoding), { staged: embedded }),
  'import-commit': async ({ db, embedded }, args: BulkJobArgs<'import-commit'>) => commitImport(db, args.importId, args.actor, { staged: embedded }),
};
