/**
 * promptfoo custom provider: one test case = one lead, answered by Rekindle's shared per-lead
 * pipeline (`recommendLead`: features -> rules -> prompt -> writer -> guardrails), exactly what
 * evaluation runs and production use. The output is the lead's result as JSON; the assertions in
 * ../assertions read it.
 *
 * Config (all optional): rules_dir (default rules/default), prompt_file (default
 * rules/default/prompts/recontact.md), provider (a Rekindle provider config, default
 * { type: template }), models_dir, allow_external.
 * Vars: lead (a lead record as JSON), as_of (YYYY-MM-DD), dataset_file (the .jsonl the lead
 * comes from: duplicates are found across it, as a run finds them across its dataset).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDatasetIndex, type DatasetIndex } from '../../server/domain/rules/index.ts';
import { parseLead, type Lead } from '../../server/domain/lead.ts';
import type { Candidate } from '../../server/pipeline/candidate.ts';
import { recommendLead } from '../../server/pipeline/recommend-lead.ts';
import { buildFileCandidate } from '../../server/modules/evals/file-candidate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ProviderOptions {
  id?: string;
  config?: { rules_dir?: string; prompt_file?: string; provider?: unknown; models_dir?: string; allow_external?: boolean };
}

const indexes = new Map<string, DatasetIndex>();

function indexFor(file: string | undefined): DatasetIndex | undefined {
  if (!file) return undefined;
  const abs = path.resolve(ROOT, file);
  let index = indexes.get(abs);
  if (!index) {
    const leads: Lead[] = [];
    for (const line of fs.readFileSync(abs, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const parsed = parseLead(JSON.parse(line));
      if (parsed.ok) leads.push(parsed.lead);
    }
    index = buildDatasetIndex(leads);
    indexes.set(abs, index);
  }
  return index;
}

export default class RekindleProvider {
  private readonly providerId: string;
  private readonly candidate: Promise<Candidate>;

  constructor(options: ProviderOptions = {}) {
    const c = options.config ?? {};
    this.providerId = options.id ?? 'rekindle';
    this.candidate = buildFileCandidate({
      rulesDir: path.resolve(ROOT, c.rules_dir ?? 'rules/default'),
      promptFile: path.resolve(ROOT, c.prompt_file ?? 'rules/default/prompts/recontact.md'),
      provider: c.provider,
      modelsDir: c.models_dir ?? process.env.MODELS_DIR,
      allowExternal: c.allow_external,
    });
    // Surfaced by callApi; no unhandled rejection before the first call.
    this.candidate.catch(() => undefined);
  }

  id(): string {
    return this.providerId;
  }

  async callApi(_prompt: string, context?: { vars?: Record<string, unknown> }) {
    try {
      const vars = context?.vars ?? {};
      const raw = typeof vars.lead === 'string' ? JSON.parse(vars.lead) : vars.lead;
      const parsed = parseLead(raw);
      if (!parsed.ok) return { error: `vars.lead is not a lead record: ${parsed.errors.join('; ')}` };
      const asOf = typeof vars.as_of === 'string' ? vars.as_of : new Date().toISOString().slice(0, 10);
      const result = await recommendLead(await this.candidate, parsed.lead, asOf, { index: indexFor(vars.dataset_file as string | undefined) });
      return {
        output: JSON.stringify(result),
        cached: result.cached,
        latencyMs: Math.round(result.latency_ms),
        ...(result.tokens ? { tokenUsage: { prompt: result.tokens.prompt, completion: result.tokens.completion, total: result.tokens.prompt + result.tokens.completion } } : {}),
        ...(result.cost !== null ? { cost: result.cost } : {}),
      };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
}
