/**
 * Quality of a ruleset against gold labels: 4x4 confusion matrix, do-not-contact precision and
 * recall, decision accuracy, compliance violations, per-reason counts, text understanding per language.
 *
 *   npx tsx bench/rules-quality.ts [dataset.jsonl] [rules dir] [--as-of YYYY-MM-DD] [--show reason|gold>pred] [--seed N]
 *
 * as_of defaults to the dataset's `<name>.meta.json`, else 2026-11-20.
 *
 * For a generated dataset (its seed from the meta file or --seed), the figures are also given on
 * the leads whose record shows their truth: the generator hides some on purpose (a customer who
 * booked elsewhere and never said so, a move that slipped without a word in the CRM), and no rule
 * set can read those. Both figures are reported; the first is the one to quote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseLead, DECISIONS, type Lead } from '../server/domain/lead.ts';
import { buildDatasetIndex, computeFeatures } from '../server/domain/features/index.ts';
import { compileRuleset, decide, formatRulesetError, loadRulesetFromDir } from '../server/domain/rules/index.ts';
import { languageMetrics, textLanguageOf, type LanguageRow } from '../server/domain/metrics/language-metrics.ts';
import { formatLanguageTable } from '../server/modules/evals/report-format.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const show = flag('--show');
const seedFlag = flag('--seed');
let asOf = flag('--as-of');
const [datasetPath = 'datasets/demo.jsonl', rulesDir = 'rules/default'] = args;
const metaPath = datasetPath.replace(/\.jsonl$/, '.meta.json');
asOf ??= existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')).as_of : '2026-11-20';

const leads: Lead[] = [];
for (const line of readFileSync(datasetPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = parseLead(JSON.parse(line));
  if (r.ok) leads.push(r.lead);
}
const loaded = await loadRulesetFromDir(rulesDir);
if (!loaded.ok) {
  console.error(loaded.errors.map(formatRulesetError).join('\n'));
  process.exit(2);
}
const compiled = compileRuleset(loaded.ruleset);
const index = buildDatasetIndex(leads);
// The generator's hidden truths, replayed from its seed (deterministic): ids of leads whose record does not show their truth.
const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : null;
const seed = seedFlag !== undefined ? Number(seedFlag) : typeof meta?.seed === 'number' ? meta.seed : null;
const hiddenIds = new Set<string>();
if (seed !== null && existsSync(new URL('../datasets/generator/index.ts', import.meta.url))) {
  const { generateLeadsWithTruth } = await import('../datasets/generator/index.ts');
  const byId = new Map(leads.map((l) => [l.id, l]));
  let matched = 0;
  for (const g of generateLeadsWithTruth({ seed, count: leads.length, asOf: asOf! })) {
    if (byId.get(g.lead.id)?.created_at !== g.lead.created_at) continue;
    matched++;
    if (g.truth.hidden) hiddenIds.add(g.lead.id);
  }
  if (matched !== leads.length) { hiddenIds.clear(); console.error(`seed ${seed} does not regenerate this dataset (${matched}/${leads.length} leads match): no figures without hidden truths`); }
}
const HARD = new Set(['opted_out', 'erasure_requested', 'no_contact_consent', 'asked_not_to_contact', 'complaint', 'legal_dispute', 'sensitive_circumstances']);

const matrix = new Map<string, number>();
const predReasons = new Map<string, number>();
const goldReasons = new Map<string, number>();
let labelled = 0, correct = 0, violations = 0, consentFlagViolations = 0;
const visible = { tp: 0, predDnc: 0, goldDnc: 0, labelled: 0, correct: 0 };
const shown: string[] = [];
const dncFalsePos = new Map<string, number>();
const dncMissed = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const languageRows: LanguageRow[] = [];
for (const lead of leads) {
  const gold = lead.label;
  const d = decide(compiled, computeFeatures(lead, asOf!, index));
  languageRows.push({ text_language: textLanguageOf(d), decision: d.decision, gold: lead.label?.decision ?? null, reasons: d.reasons.map((r) => r.code) });
  for (const r of d.reasons) predReasons.set(`${d.decision}/${r.code}`, (predReasons.get(`${d.decision}/${r.code}`) ?? 0) + 1);
  const c = lead.consent;
  const flagged = c?.email === false || c?.phone === false || !!c?.opted_out_at || !!c?.erasure_requested_at;
  const hardFlagged = (c?.email === false && c?.phone === false) || !!c?.opted_out_at || !!c?.erasure_requested_at;
  const violation = (hardFlagged || gold?.reasons.some((r) => HARD.has(r))) && d.decision !== 'do_not_contact';
  if (violation) violations++;
  if (violation && show === 'violations' && shown.length < 15) shown.push(`${lead.id} gold ${gold?.decision}/${gold?.reasons.join(',')} -> ${d.decision}/${d.reasons.map((r) => r.code).join(',')}`);
  if (flagged && d.decision !== 'do_not_contact') consentFlagViolations++;
  if (!gold) continue;
  labelled++;
  for (const r of gold.reasons) goldReasons.set(`${gold.decision}/${r}`, (goldReasons.get(`${gold.decision}/${r}`) ?? 0) + 1);
  const key = `${gold.decision}>${d.decision}`;
  if (d.decision === 'do_not_contact' && gold.decision !== 'do_not_contact') bump(dncFalsePos, d.reasons[0]?.code ?? '?');
  if (gold.decision === 'do_not_contact' && d.decision !== 'do_not_contact') bump(dncMissed, `${gold.reasons.join('+')} -> ${d.decision}`);
  matrix.set(key, (matrix.get(key) ?? 0) + 1);
  if (gold.decision === d.decision) correct++;
  if (!hiddenIds.has(lead.id)) {
    visible.labelled++;
    if (gold.decision === d.decision) visible.correct++;
    if (d.decision === 'do_not_contact') visible.predDnc++;
    if (gold.decision === 'do_not_contact') visible.goldDnc++;
    if (d.decision === 'do_not_contact' && gold.decision === 'do_not_contact') visible.tp++;
  }
  const wanted = show && (show === key || gold.reasons.includes(show) || d.reasons.some((r) => r.code === show));
  if (wanted && gold.decision !== d.decision && shown.length < 15) {
    shown.push(`${lead.id} gold ${gold.decision}/${gold.reasons.join(',')} -> ${d.decision}/${d.reasons.map((r) => `${r.code}: ${r.explanation}`).join(' | ')}`);
  }
}
const get = (g: string, p: string) => matrix.get(`${g}>${p}`) ?? 0;
const pad = (s: string | number, n = 20) => String(s).padStart(n);
console.log(`dataset ${datasetPath} (${leads.length} leads, ${labelled} labelled), as_of ${asOf}, ruleset ${rulesDir} ${compiled.hash.slice(0, 12)}`);
console.log(`\nconfusion matrix (rows = gold, columns = predicted)\n${pad('')}${DECISIONS.map((d) => pad(d)).join('')}`);
for (const g of DECISIONS) console.log(pad(g) + DECISIONS.map((p) => pad(get(g, p))).join(''));
const tp = get('do_not_contact', 'do_not_contact');
const predDnc = DECISIONS.reduce((s, g) => s + get(g, 'do_not_contact'), 0);
const goldDnc = DECISIONS.reduce((s, p) => s + get('do_not_contact', p), 0);
console.log(`\ndnc_precision      ${(tp / Math.max(1, predDnc)).toFixed(4)}`);
console.log(`dnc_recall         ${(tp / Math.max(1, goldDnc)).toFixed(4)}`);
console.log(`decision_accuracy  ${(correct / Math.max(1, labelled)).toFixed(4)}`);
console.log(`compliance_violations ${violations}  (hard-block gold reason, both consents false, opt-out or erasure, not do_not_contact)`);
console.log(`any consent=false / opt-out / erasure not do_not_contact: ${consentFlagViolations}`);
if (hiddenIds.size > 0) {
  const r = (a: number, b: number) => (a / Math.max(1, b)).toFixed(4);
  console.log(`without the ${hiddenIds.size} leads whose truth the generator hid (seed ${seed}): dnc_precision ${r(visible.tp, visible.predDnc)}, dnc_recall ${r(visible.tp, visible.goldDnc)}, decision_accuracy ${r(visible.correct, visible.labelled)}`);
}
const table = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `  ${k.padEnd(42)} ${v}`).join('\n');
console.log(`\npredicted reasons\n${table(predReasons)}\n\ngold reasons\n${table(goldReasons)}`);
console.log(`\ndo_not_contact false positives by predicted reason\n${table(dncFalsePos)}\n\ndo_not_contact misses by gold reason\n${table(dncMissed)}`);
console.log(`\n${formatLanguageTable(languageMetrics(languageRows)).join('\n')}`);
if (shown.length) console.log(`\nexamples (${show})\n${shown.join('\n')}`);
