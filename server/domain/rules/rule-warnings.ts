/**
 * Warnings about a ruleset from its decisions on a dataset (the preview's leads): a rule that
 * matches no lead, a rule whose condition fails on some lead, and a rule that matches leads but
 * never decides one because an earlier rule always wins on them. Not errors: a rule for a rare
 * case may match nothing in one dataset; the manager decides.
 */
import type { RuleDecision } from '../decision.ts';
import type { CompiledRule, CompiledRuleset } from './compile.ts';

export interface RuleWarning {
  rule_id: string;
  kind: 'matches_no_lead' | 'fails_on_leads' | 'never_decides';
  file: string;
  line: number;
  message: string;
  /** Lead ids (a few) the warning is about. */
  lead_ids?: string[];
}

/** The stage a matched rule decides at: lower wins (the engine's fixed order). */
function stageOf(rule: CompiledRule): number {
  switch (rule.kind) {
    case 'hard_block': return 0;
    case 'exclusion': return rule.decision === 'do_not_contact' ? 1 : 2;
    case 'wait': return 3;
    default: return 4;
  }
}

const STAGE_WORDS = ['a hard block', 'a do-not-contact exclusion', 'a not-worth-pursuing exclusion', 'a wait rule', 'contact scoring'];

export function rulesetWarnings(compiled: CompiledRuleset, decisions: readonly RuleDecision[], leadIds: readonly string[]): RuleWarning[] {
  const rules = compiled.rules;
  const n = rules.length;
  const matched = new Array<number>(n).fill(0);
  const decided = new Array<number>(n).fill(0);
  const failed: string[][] = Array.from({ length: n }, () => []);
  const failedCount = new Array<number>(n).fill(0);
  const failedError: (string | undefined)[] = new Array(n);
  // For rules that match but lose: which earlier rule won, how often.
  const winners: Map<string, number>[] = Array.from({ length: n }, () => new Map());
  const stages = rules.map(stageOf);

  decisions.forEach((d, li) => {
    let best = 5;
    for (let i = 0; i < n; i++) if (d.trace[i]?.matched && stages[i] < best) best = stages[i];
    for (let i = 0; i < n; i++) {
      const t = d.trace[i];
      if (!t) continue;
      if (t.error !== undefined) {
        failedCount[i]++;
        failedError[i] ??= t.error;
        if (failed[i].length < 5) failed[i].push(leadIds[li]);
      }
      if (!t.matched) continue;
      matched[i]++;
      if (stages[i] === best) decided[i]++;
      else {
        const winner = rules.find((r, j) => d.trace[j]?.matched && stages[j] === best);
        if (winner) winners[i].set(winner.id, (winners[i].get(winner.id) ?? 0) + 1);
      }
    }
  });

  const out: RuleWarning[] = [];
  const total = decisions.length;
  rules.forEach((rule, i) => {
    const at = { rule_id: rule.id, file: rule.file, line: rule.line };
    if (failedCount[i] > 0) {
      out.push({
        ...at, kind: 'fails_on_leads', lead_ids: failed[i],
        message: `Rule ${rule.id} could not be evaluated on ${failedCount[i]} of ${total} leads (${failedError[i]})${rule.kind === 'hard_block' ? ': as a hard block it blocks them' : ': it counts as not matched there'}. Test for missing values first, e.g. x != null && x > 5.`,
      });
    }
    if (matched[i] === 0 && failedCount[i] === 0 && total > 0) {
      out.push({ ...at, kind: 'matches_no_lead', message: `Rule ${rule.id} matches none of the ${total} leads of the preview dataset. Check its condition (values, units, && versus ||).` });
    } else if (matched[i] > 0 && decided[i] === 0 && rule.kind !== 'priority') {
      const [top] = [...winners[i].entries()].sort((a, b) => b[1] - a[1]);
      const winner = top ? rules.find((r) => r.id === top[0]) : undefined;
      out.push({
        ...at, kind: 'never_decides',
        message: `Rule ${rule.id} matches ${matched[i]} leads but never decides one: an earlier rule always wins on them${winner ? ` (most often ${winner.id}, ${STAGE_WORDS[stageOf(winner)]})` : ''}. It can never be reached on this dataset.`,
      });
    }
  });
  return out;
}
