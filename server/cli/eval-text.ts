/**
 * `npm run eval:text`: the independent evaluation of text understanding (server/domain/text/evaluation.ts)
 * on an utterance set and/or a lead set, per language. Pure files in, figures out; no database.
 *
 *   npm run eval:text -- [--rules rules/default] [--utterances test/fixtures/text-understanding/utterances.jsonl]
 *                        [--leads test/fixtures/text-understanding/leads.jsonl] [--as-of 2026-11-20] [--json] [--show misses]
 *
 * Exit 0 after printing; 2 on bad usage or an unreadable file. (Gates on these figures live in tests.)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseLead } from '../domain/lead.ts';
import { compileRuleset, formatRulesetError, loadRulesetFromDir } from '../domain/rules/index.ts';
import { evaluateLeadSet, evaluateUtterances, type LabelledLead, type Utterance } from '../domain/text/evaluation.ts';

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: 'rules/default' },
    utterances: { type: 'string' },
    leads: { type: 'string' },
    'as-of': { type: 'string', default: '2026-11-20' },
    json: { type: 'boolean', default: false },
    show: { type: 'string' },
  },
});
const DEFAULT_DIR = 'test/fixtures/text-understanding';
const utterancesPath = values.utterances ?? (values.leads ? undefined : `${DEFAULT_DIR}/utterances.jsonl`);
const leadsPath = values.leads ?? (values.utterances ? undefined : `${DEFAULT_DIR}/leads.jsonl`);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const jsonLines = (path: string) => {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch (e) {
    return fail(`cannot read ${path}: ${(e as Error).message}`);
  }
};

const loaded = await loadRulesetFromDir(values.rules!);
if (!loaded.ok) fail(loaded.errors.map(formatRulesetError).join('\n'));
const t0 = performance.now();
const compiled = compileRuleset(loaded.ruleset);
const model = compiled.intentModel;
const out: Record<string, unknown> = {
  ruleset: loaded.ruleset.hash.slice(0, 12),
  model: model ? { corpus: model.corpus_hash.slice(0, 12), trained_ms: Math.round(performance.now() - t0), ...model.calibration, steps: undefined, dnc_steps: undefined } : null,
};

const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
if (utterancesPath) {
  const utterances = jsonLines(utterancesPath) as unknown as Utterance[];
  const report = evaluateUtterances(compiled, utterances);
  out.utterances = { file: utterancesPath, all: report.all, by_language: report.by_language };
  if (!values.json) {
    console.log(`utterances: ${utterancesPath} (${report.all.n})`);
    console.log('lang     n  dnc-recall  blocked(+unread)  dnc-prec  false-refusal  unread  lang-acc  lang-grp  intent-acc  wait-date');
    for (const [lang, f] of [...Object.entries(report.by_language), ['ALL', report.all] as const]) {
      console.log(`${lang.padEnd(5)} ${String(f.n).padStart(4)}  ${pct(f.dnc_recall)}      ${pct(f.dnc_blocked_recall)}        ${pct(f.dnc_precision)}   ${pct(f.false_refusal_rate)}       ${pct(f.unread_rate)}  ${pct(f.language_accuracy)}   ${pct(f.language_group_accuracy)}   ${pct(f.intent_accuracy)}     ${pct(f.wait_until_accuracy)}`);
    }
    if (values.show === 'misses') {
      for (const o of report.outcomes.filter((o) => ['asked_not_to_contact', 'erasure_request', 'complaint', 'legal_dispute', 'sensitive_circumstances'].includes(o.gold) && !o.read_as_dnc && !o.unread)) {
        console.log(`  missed ${o.id} ${o.gold} -> ${o.decision}/${o.reasons.join(',')} (top ${o.top_intent})`);
      }
    }
  }
}
if (leadsPath) {
  const leads: LabelledLead[] = [];
  for (const [i, raw] of jsonLines(leadsPath).entries()) {
    const r = parseLead(raw);
    if (!r.ok) fail(`${leadsPath}:${i + 1}: ${r.errors.join('; ')}`);
    leads.push({ lead: r.lead, eval_lang: typeof raw.eval_lang === 'string' ? raw.eval_lang : null, eval_note: typeof raw.eval_note === 'string' ? raw.eval_note : null });
  }
  const report = evaluateLeadSet(compiled, leads, values['as-of']!);
  out.leads = { file: leadsPath, all: report.all, by_language: report.by_language, critical_missed: report.outcomes.filter((o) => o.critical && o.decision !== 'do_not_contact').map((o) => o.id) };
  if (!values.json) {
    console.log(`\nleads: ${leadsPath} (${report.all.n}), as_of ${values['as-of']}`);
    console.log('lang     n  critical  missed  dnc-prec  dnc-recall  accuracy  unread(gold/found)');
    for (const [lang, f] of [...Object.entries(report.by_language), ['ALL', report.all] as const]) {
      console.log(`${lang.padEnd(5)} ${String(f.n).padStart(4)}  ${String(f.critical_n).padStart(8)}  ${String(f.critical_missed).padStart(6)}   ${pct(f.dnc_precision)}    ${pct(f.dnc_recall)}   ${pct(f.decision_accuracy)}   ${f.unread_gold_n}/${f.unread_found}`);
    }
    if (values.show === 'misses') {
      for (const o of report.outcomes.filter((o) => o.decision !== o.gold)) console.log(`  ${o.id} [${o.lang}] gold ${o.gold}/${o.gold_reasons.join(',')} -> ${o.decision}/${o.reasons.join(',')}${o.critical ? '  CRITICAL' : ''}`);
    }
  }
}
if (values.json) console.log(JSON.stringify(out, null, 2));
else if (model) console.log(`\nclassifier: corpus ${model.corpus_hash.slice(0, 12)}, threshold ${model.calibration.threshold}, dnc_clear ${model.calibration.dnc_clear}, held-out accuracy ${model.calibration.heldout.accuracy}`);
