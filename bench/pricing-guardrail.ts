/**
 * The pricing and unearned-status checks: catch rate and false alarms over the labeled grounding
 * fixtures (by language), and how many template drafts of a dataset they would withhold (every
 * such draft is a false alarm: the template writer never promises prices).
 *
 *   npx tsx bench/pricing-guardrail.ts [dataset.jsonl] [--as-of YYYY-MM-DD]
 */
import { readFileSync } from 'node:fs';
import { checkGrounding } from '../server/domain/guardrails/index.ts';
import { buildDatasetIndex, computeFeatures } from '../server/domain/features/index.ts';
import { compileRuleset, decide, loadRulesetFromDir } from '../server/domain/rules/index.ts';
import { draftTextForGrounding, writeTemplateDraft } from '../server/domain/drafting/index.ts';
import { parseLead, type Lead } from '../server/domain/lead.ts';
import { loadGroundingFixtures } from '../test/unit/guardrails/fixture-loader.ts';

const args = process.argv.slice(2);
const asOfAt = args.indexOf('--as-of');
const asOf = asOfAt >= 0 ? args.splice(asOfAt, 2)[1] : '2026-11-20';
const [datasetPath = 'datasets/demo.jsonl'] = args;

// 1. Fixtures: cases about pricing or unearned claims, by the lead's language.
const { leads, cases } = loadGroundingFixtures();
const rows = new Map<string, { planted: number; caught: number; faithful: number; alarms: number }>();
for (const c of cases) {
  const lang = leads[c.lead].contact?.language ?? '?';
  const row = rows.get(lang) ?? { planted: 0, caught: 0, faithful: 0, alarms: 0 };
  rows.set(lang, row);
  const kinds = new Set(checkGrounding(leads[c.lead], c.text, { asOf: c.as_of }).issues.map((i) => i.kind));
  const pricingLabel = c.expected_issue_kinds.filter((k) => k === 'pricing_promise' || k === 'unsupported_claim');
  if (c.expected_issue_kinds.length === 0) {
    row.faithful++;
    if (kinds.has('pricing_promise')) row.alarms++;
  } else if (pricingLabel.length) {
    row.planted++;
    if (pricingLabel.every((k) => kinds.has(k as never))) row.caught++;
  }
}
console.log('fixtures (pricing_promise / unsupported_claim cases; false alarm = pricing_promise on a faithful draft)');
for (const [lang, r] of [...rows].sort()) {
  console.log(`  ${lang}: caught ${r.caught}/${r.planted} (${((100 * r.caught) / Math.max(1, r.planted)).toFixed(1)}%), false alarms ${r.alarms}/${r.faithful}`);
}

// 2. The template writer's drafts over a dataset: any pricing_promise there is a false alarm.
const demo: Lead[] = [];
for (const line of readFileSync(datasetPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = parseLead(JSON.parse(line));
  if (r.ok) demo.push(r.lead);
}
const loaded = await loadRulesetFromDir('rules/default');
if (!loaded.ok) throw new Error('default ruleset does not load');
const compiled = compileRuleset(loaded.ruleset);
const index = buildDatasetIndex(demo);
let drafts = 0;
let flagged = 0;
const examples: string[] = [];
for (const lead of demo) {
  const decision = decide(compiled, computeFeatures(lead, asOf, index));
  if (decision.decision !== 'contact' && decision.decision !== 'wait') continue;
  const draft = writeTemplateDraft(lead, decision, { asOf });
  drafts++;
  const issues = checkGrounding(lead, draftTextForGrounding(draft), { asOf }).issues.filter((i) => i.kind === 'pricing_promise' || (i.kind === 'unsupported_claim' && /status or benefit|agreement/.test(i.explanation)));
  if (issues.length) {
    flagged++;
    if (examples.length < 5) examples.push(`${lead.id}: ${issues.map((i) => `"${i.text}"`).join(', ')}`);
  }
}
console.log(`${datasetPath}: ${drafts} template drafts, ${flagged} flagged by the pricing / status / agreement checks (false alarms)`);
for (const e of examples) console.log(`  ${e}`);
