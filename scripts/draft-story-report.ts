/**
 * Figures for issue 17 on a dataset (default datasets/demo.jsonl at its as_of): through the one
 * pipeline (default rules, default prompt, template writer), per first reason code: drafts,
 * missed-callback acknowledgements, story coverage, language match, grounding and pricing
 * promises; and the opening sentences shared by more than two reasons.
 *
 *   npx tsx scripts/draft-story-report.ts [file.jsonl] [--as-of YYYY-MM-DD]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseLead } from '../server/domain/lead.ts';
import { assessDraft, customerLanguageText } from '../server/domain/metrics/draft-quality.ts';
import { buildDatasetIndex } from '../server/domain/rules/index.ts';
import { buildFileCandidate } from '../server/modules/evals/file-candidate.ts';
import { draftTexts } from '../server/pipeline/draft-guardrails.ts';
import { recommendLead } from '../server/pipeline/recommend-lead.ts';

const args = process.argv.slice(2);
const file = path.resolve(args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--as-of') ?? 'datasets/demo.jsonl');
const metaFile = file.replace(/\.jsonl$/, '.meta.json');
const asOf = args.includes('--as-of') ? args[args.indexOf('--as-of') + 1] : fs.existsSync(metaFile) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')).as_of : new Date().toISOString().slice(0, 10);
const leads = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => {
  const parsed = parseLead(JSON.parse(l));
  return parsed.ok ? [parsed.lead] : [];
});
const candidate = await buildFileCandidate({ rulesDir: 'rules/default', promptFile: 'rules/default/prompts/recontact.md' });
const index = buildDatasetIndex(leads);

interface Row { drafts: number; grounded: number; pricing: number; applicable: number; covered: number; langChecked: number; langMatch: number; callbackAck: number }
const byReason = new Map<string, Row>();
const openings = new Map<string, Set<string>>();
/** The same sentence with the lead's own facts masked (numbers, dates, names, places): the template's shape. */
const shapes = new Map<string, Set<string>>();
const shape = (sentence: string) => sentence.replace(/\d[\d.,]*/g, '#').replace(/(?<=\S\s+)\p{Lu}[\p{L}'’-]*/gu, 'X').replace(/\(([^)]*)\)/g, '(…)');
const ACK = /sorry|apolog|owe you|entschuldig|es tut mir leid|unser fehler|isprik|ispričav|žao mi je/i;
const CALL = /call|phone|rückruf|anruf|zurückgerufen|nazv|poziv/i;

for (const lead of leads) {
  const result = await recommendLead(candidate, lead, asOf, { index });
  const draft = result.recommendation;
  if (!draft && result.draft_status === 'not_needed') continue;
  const reason = result.decision.reasons[0]?.code ?? '(none)';
  const row = byReason.get(reason) ?? { drafts: 0, grounded: 0, pricing: 0, applicable: 0, covered: 0, langChecked: 0, langMatch: 0, callbackAck: 0 };
  byReason.set(reason, row);
  row.drafts++;
  if (!result.guardrail_issues.length) row.grounded++;
  if (result.guardrail_issues.some((i) => i.kind === 'pricing_promise')) row.pricing++;
  if (!draft) continue;
  const text = draftTexts(draft);
  const q = assessDraft(result.story, text, lead.contact?.language);
  const lang = assessDraft(result.story, customerLanguageText(draft), lead.contact?.language);
  if (q.story_covered !== null) {
    row.applicable++;
    if (q.story_covered) row.covered++;
  }
  if (lang.language_supported) {
    row.langChecked++;
    if (lang.language_match) row.langMatch++;
  }
  const customerText = draft.email?.body ?? draft.phone_script ?? '';
  if (reason === 'callback_requested' && ACK.test(customerText) && CALL.test(customerText)) row.callbackAck++;
  // The opening sentence: the first sentence after the greeting (email), or of the phone script's reason.
  const opening = draft.email ? draft.email.body.split('\n\n')[1] : (draft.phone_script?.split('\n')[1] ?? '').replace(/^\S+: /, '');
  const first = (opening ?? '').split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]?.trim();
  if (first) openings.set(first, (openings.get(first) ?? new Set()).add(reason));
  if (first) shapes.set(shape(first), (shapes.get(shape(first)) ?? new Set()).add(reason));
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
console.log(`dataset ${path.relative(process.cwd(), file)}, as_of ${asOf}, ${leads.length} leads, writer template`);
console.log(`${'first reason'.padEnd(26)}${'drafts'.padStart(7)}${'grounding'.padStart(11)}${'pricing'.padStart(9)}${'story_cov'.padStart(11)}${'(n)'.padStart(6)}${'lang'.padStart(8)}${'callback_ack'.padStart(14)}`);
const total: Row = { drafts: 0, grounded: 0, pricing: 0, applicable: 0, covered: 0, langChecked: 0, langMatch: 0, callbackAck: 0 };
for (const [reason, r] of [...byReason].sort()) {
  for (const k of Object.keys(total) as (keyof Row)[]) total[k] += r[k];
  console.log(`${reason.padEnd(26)}${String(r.drafts).padStart(7)}${pct(r.grounded, r.drafts).padStart(11)}${String(r.pricing).padStart(9)}${pct(r.covered, r.applicable).padStart(11)}${String(r.applicable).padStart(6)}${pct(r.langMatch, r.langChecked).padStart(8)}${(reason === 'callback_requested' ? `${r.callbackAck}/${r.drafts}` : '').padStart(14)}`);
}
console.log(`${'all'.padEnd(26)}${String(total.drafts).padStart(7)}${pct(total.grounded, total.drafts).padStart(11)}${String(total.pricing).padStart(9)}${pct(total.covered, total.applicable).padStart(11)}${String(total.applicable).padStart(6)}${pct(total.langMatch, total.langChecked).padStart(8)}`);
const shared = [...openings].filter(([, reasons]) => reasons.size > 2);
console.log(`opening sentences: ${openings.size} distinct; shared by more than two reasons: ${shared.length}`);
for (const [sentence, reasons] of shared.slice(0, 10)) console.log(`  [${[...reasons].join(', ')}] ${sentence}`);
const sharedShapes = [...shapes].filter(([, reasons]) => reasons.size > 2);
console.log(`opening sentence shapes (facts masked): ${shapes.size} distinct; shared by more than two reasons: ${sharedShapes.length}`);
for (const [sentence, reasons] of sharedShapes.slice(0, 10)) console.log(`  [${[...reasons].join(', ')}] ${sentence}`);
