/** Response schemas of the dataset routes (and the shapes the import routes share). */
import { z } from 'zod';
import { LeadRecordSchema, LeadStorySchema } from '../../http/response-schemas.ts';
import { ENCODINGS } from './text-decoding.ts';

export const DatasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    as_of: z.string(),
    version: z.number(),
    parent_id: z.string().nullable(),
    locked: z.boolean(),
    lead_count: z.number(),
    erased_leads: z.number().describe('Leads whose personal data was erased (GDPR); still counted and labeled'),
    created_by: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Dataset' });

export const DatasetDetailSchema = DatasetSchema.extend({
  counts: z.object({ status: z.record(z.string(), z.number()), label: z.record(z.string(), z.number()) }),
}).meta({ id: 'DatasetDetail' });

/** The text encoding a file was read in, and how it was chosen (null: nothing was read). */
export const EncodingSchema = z.object({ name: z.enum(ENCODINGS), source: z.enum(['requested', 'byte order mark', 'detected']) }).nullable().meta({ id: 'Encoding' });

export const RejectedLinesSchema = z.array(z.object({ file: z.string().optional(), line: z.number(), errors: z.array(z.string()) }));

export const ImportResultSchema = z
  .object({ imported: z.number(), rejected: RejectedLinesSchema, dataset_id: z.string(), version: z.number(), lead_count: z.number(), encoding: EncodingSchema })
  .meta({ id: 'ImportResult' });

/** One mapped row: the canonical lead, or why the row could not become one. */
export const PreviewItemSchema = z
  .union([
    z.object({ line: z.number(), file: z.string().optional(), ok: z.literal(true), lead: LeadRecordSchema }),
    z.object({ line: z.number(), file: z.string().optional(), ok: z.literal(false), errors: z.array(z.string()) }),
  ])
  .meta({ id: 'PreviewItem' });

export const MappingPreviewSchema = z.object({ mapping: z.string(), items: z.array(PreviewItemSchema), encoding: EncodingSchema });

export const LeadPageSchema = z.object({ total: z.number(), items: z.array(LeadRecordSchema) });

export const LeadDetailSchema = z.object({ dataset: DatasetSchema, lead: LeadRecordSchema, story: LeadStorySchema }).meta({ id: 'LeadDetail' });
