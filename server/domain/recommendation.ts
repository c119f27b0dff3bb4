/**
 * The draft a provider (model or template writer) produces for a `contact` / `wait` lead.
 * Given to models as JSON Schema; a reply that does not validate is a schema failure.
 */
import { z } from 'zod';

export const EmailDraft = z.object({
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(5000),
});

export const DraftRecommendation = z.object({
  angle: z.string().min(1).max(500),
  timing: z.string().min(1).max(500),
  email: EmailDraft.nullable(),
  phone_script: z.string().min(1).max(5000).nullable(),
  objection_handling: z.array(z.string().min(1).max(1000)).max(10),
  risk_flags: z.array(z.string().min(1).max(500)).max(20),
  confidence: z.number().min(0).max(1),
  rationale: z.string().max(2000).default(''),
});
export type DraftRecommendation = z.infer<typeof DraftRecommendation>;
