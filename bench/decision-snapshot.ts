/**
 * Writes every decision (full and compact trace, twice: cold and with the text caches warm), text
 * understanding, template draft and guardrail verdict of the given datasets, plus the grounding
 * fixtures' verdicts, as JSON lines, and prints their sha256: run it before and after a
 * performance change and compare (`cmp`), the output must be byte-identical.
 *
 *   npx tsx bench/decision-snapshot.ts out.jsonl [datasets/demo.jsonl other.jsonl ...]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { draftTextForGrounding, writeTemplateDraft } from '../server/domain/drafting/index.ts';
import { buildDatasetIndex, computeFeatures } from '../server/domain/features/index.ts';
import { checkGrounding } from '../server/domain/guardrails/index.ts';
import { parseLead, type Lead } from '../server/domain/lead.ts';
import { compileRuleset, decide, formatRulesetError, loadRulesetFromDir } from '../server/domain/rules/index.ts';
import { loadGroundingFixtures } from '../test/unit/guardrails/fixture-loader.ts';

const [out, ...datasets] = process.argv.slice(2);
if (!out) throw new Error('usage: decision-snapshot.ts out.jsonl [dataset.jsonl ...]');
const asOf = '2026-11-20';
const loaded = await loadRulesetFromDir(new URL('../rules/default', import.meta.url).pathname);
if (!loaded.ok) throw new Error(loaded.errors.map(formatRulesetError).join('\n'));
const compiled = compileRuleset(loaded.ruleset);
const lines: string[] = [];
for (const path of datasets.length ? datasets : ['datasets/demo.jsonl']) {
  const leads: Lead[] = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = parseLead(JSON.parse(l));
    if (!r.ok) throw new Error(`${path}: ${r.errors.join('; ')}`);
    return r.lead;
  });
  const index = buildDatasetIndex(leads);
  for (let pass = 0; pass < 2; pass++) {
    for (const lead of leads) {
      const features = computeFeatures(lead, asOf, index);
      const full = decide(compiled, features);
      const compact = decide(compiled, computeFeatures(lead, asOf, index), { trace: 'compact' });
      let grounding: unknown = null;
      if (pass === 0 && (full.decision === 'contact' || full.decision === 'wait')) {
        const draft = writeTemplateDraft(lead, full, { asOf });
        grounding = { draft, verdict: checkGrounding(lead, draftTextForGrounding(draft), { asOf }) };
      }
      lines.push(JSON.stringify({ pass, id: lead.id, features, full, compact, grounding }));
    }
  }
}
const { leads, cases } = loadGroundingFixtures();
for (const c of cases) lines.push(JSON.stringify({ case: c.id, verdict: checkGrounding(leads[c.lead], c.text, { asOf: c.as_of }) }));
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex')}`);
