/** Per-kind requirements zod's object schema cannot express on its own. */
import type { RuleSpec } from './schema.ts';

export interface ShapeProblem { field: string; message: string }

export function checkRuleShape(rule: RuleSpec): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  const need = (field: keyof RuleSpec, why: string) => {
    if (rule[field] === undefined) out.push({ field, message: `${field} is required for kind ${rule.kind}: ${why}` });
  };
  const forbid = (field: keyof RuleSpec, kinds: string) => {
    if (rule[field] !== undefined) out.push({ field, message: `${field} is only allowed for kind ${kinds}` });
  };
  if (rule.kind !== 'priority') {
    need('reason', 'the reason code reported when the rule decides');
    need('explain', 'a one-line explanation template');
  }
  if (rule.kind === 'exclusion') need('decision', 'do_not_contact or not_worth_pursuing');
  else forbid('decision', 'exclusion (hard blocks always mean do_not_contact)');
  if (rule.kind === 'wait') need('recontact_after', 'days from as_of (int) or an ISO date (string)');
  else forbid('recontact_after', 'wait');
  if (rule.kind === 'contact' || rule.kind === 'priority') need('weight', 'its contribution to the 0-100 priority');
  else forbid('weight', 'contact or priority');
  return out;
}
