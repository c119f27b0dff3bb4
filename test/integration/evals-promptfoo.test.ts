/**
 * The same suite under real promptfoo: `evaluate()` runs evals/providers/rekindle-provider.ts and
 * the assertions in evals/assertions over ~30 demo leads, and every per-lead pass/fail agrees with
 * the per-lead results of our own evaluation run of the same candidate (decision, compliance,
 * grounding, pricing promises, schema). Also with a ruleset that lets opted-out leads through,
 * so the compliance assertion has failures to agree on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testsFromDataset } from '../../evals/tests-from-dataset.ts';
import type { Lead } from '../../server/domain/lead.ts';
import { loadEvalRows } from '../../server/modules/evals/repository.ts';
import { runCandidateOnDataset } from '../../server/modules/evals/service.ts';
import { readRulesetDir, saveRulesetVersion } from '../../server/modules/rulesets/service.ts';
import { DB_TARGETS, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { AS_OF, importDataset, ROOT, seedDefaults, writeJsonl } from './evals-helpers.ts';

const ASSERTIONS = ['hard-block-gold', 'grounded-draft', 'no-pricing-promise', 'schema-valid'] as const;

function sampleLeads(): Lead[] {
  const all = demoLeads();
  const picked = new Map<string, Lead>();
  for (let i = 0; i < 25; i++) picked.set(all[i * 79].id, all[i * 79]);
  for (const l of all.filter((x) => x.consent?.opted_out_at).slice(0, 5)) picked.set(l.id, l);
  return [...picked.values()];
}

interface PfCase {
  leadId: string;
  decision: string;
  pass: Record<(typeof ASSERTIONS)[number], boolean>;
}

async function promptfooCases(datasetFile: string, rulesDir: string): Promise<PfCase[]> {
  const promptfoo = (await import('promptfoo')).default;
  const evalRecord = await promptfoo.evaluate(
    {
      prompts: ['{{lead_id}}'],
      providers: [{ id: `file://${path.join(ROOT, 'evals/providers/rekindle-provider.ts')}`, config: { rules_dir: rulesDir, provider: { type: 'template' } } }],
      tests: testsFromDataset({ file: datasetFile, sample: 0, asOf: AS_OF }),
      defaultTest: { assert: ASSERTIONS.map((a) => ({ type: 'javascript' as const, value: `file://${path.join(ROOT, 'evals/assertions', `${a}.ts`)}`, metric: a })) },
      writeLatestResults: false,
    },
    { maxConcurrency: 4, showProgressBar: false },
  );
  const summary = (await evalRecord.toEvaluateSummary()) as { results: any[] };
  return summary.results.map((r) => {
    const components = r.gradingResult.componentResults as { pass: boolean; assertion: { metric: string } }[];
    const pass = Object.fromEntries(ASSERTIONS.map((a) => [a, components.find((c) => c.assertion.metric === a)!.pass])) as PfCase['pass'];
    return { leadId: r.vars.lead_id, decision: JSON.parse(r.response.output).decision.decision, pass };
  });
}

describe.each(DB_TARGETS)('promptfoo parity on $kind', (target) => {
  let database: TestDatabase;
  let tmp: string;
  let datasetFile: string;
  let datasetId: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-pf-parity-'));
    process.env.PROMPTFOO_CONFIG_DIR = path.join(tmp, 'promptfoo');
    process.env.PROMPTFOO_CACHE_ENABLED = 'false';
    datasetFile = path.join(tmp, 'sample.jsonl');
    const leads = sampleLeads();
    writeJsonl(datasetFile, leads);
    database = await openTestDatabase(target);
    await seedDefaults(database.db);
    datasetId = await importDataset(database.db, 'pf-sample', leads);
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function expectParity(rulesDir: string, rulesetVersionId?: string) {
    const run = await runCandidateOnDataset({ db: database.db, modelsDir: path.join(tmp, 'models') }, { datasetId, ruleset_version_id: rulesetVersionId });
    const ours = new Map((await loadEvalRows(database.db, run.runId)).map((r) => [r.lead_id, r]));
    const violations = new Set(run.metrics.compliance_violation_ids);
    const cases = await promptfooCases(datasetFile, rulesDir);
    expect(cases).toHaveLength(ours.size);
    for (const c of cases) {
      const row = ours.get(c.leadId)!;
      const produced = row.draft_status === 'ok' || row.draft_status === 'withheld';
      expect({ lead: c.leadId, decision: c.decision, ...c.pass }).toEqual({
        lead: c.leadId,
        decision: row.decision,
        'hard-block-gold': !violations.has(c.leadId),
        'grounded-draft': !produced || row.issue_kinds.length === 0,
        'no-pricing-promise': !row.issue_kinds.includes('pricing_promise'),
        'schema-valid': row.draft_status !== 'schema_failure',
      });
    }
    return { run, cases };
  }

  it('agrees lead by lead with our run of the default candidate', { timeout: 60_000 }, async () => {
    const { run, cases } = await expectParity('rules/default');
    expect(cases.filter((c) => c.decision === 'contact').length).toBe(run.metrics.decision_counts.contact);
  });

  it('agrees on compliance failures when the opt-out block is removed', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp, 'relaxed');
    fs.cpSync(path.join(ROOT, 'rules', 'default'), dir, { recursive: true });
    const file = path.join(dir, 'hard-blocks.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n {2}- id: opted_out\n[\s\S]*?(?=\n {2}- id: )/, '\n').replace('when: signal("unread_customer_message")', 'when: false && signal("unread_customer_message")').replace('when: signal("asked_not_to_contact")\n', 'when: false && signal("asked_not_to_contact")\n'));
    const { version } = await saveRulesetVersion(database.db, 'relaxed', await readRulesetFilesFrom(dir), 'test', 'no opt-out');
    const { run, cases } = await expectParity(dir, version.id);
    expect(run.metrics.compliance_violations).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.pass['hard-block-gold']).length).toBe(run.metrics.compliance_violations);
  });
});

async function readRulesetFilesFrom(dir: string): Promise<Record<string, string>> {
  const defaults = await readRulesetDir('default');
  return Object.fromEntries(Object.keys(defaults).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}
