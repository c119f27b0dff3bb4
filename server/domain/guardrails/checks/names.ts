/**
 * Person names must be the contact, the owner, an activity author, or someone the record's
 * text names (a customer writing about "my husband Tomislav"). Croatian vocatives ("Ivane")
 * are tolerated through the shared stem rule.
 */
import { extractNames } from '../extract-names.ts';
import { sameWordStem, words } from '../text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

export const nameCheck: GroundingCheck = {
  id: 'names',
  description: 'names in greetings, introductions and sign-offs must be people in the record',
  run(ctx: GroundingContext): GroundingIssue[] {
    const known = [...ctx.facts.personNames, ...ctx.facts.words, ...ctx.allowedTerms.flatMap((t) => words(t))];
    const issues: GroundingIssue[] = [];
    for (const m of extractNames(ctx.text)) {
      const unknown = m.tokens.filter((t) => !words(t).every((w) => known.some((k) => sameWordStem(k, w))));
      if (unknown.length === 0) continue;
      issues.push({ kind: 'unsupported_name', text: m.text, explanation: `"${unknown.join(' ')}" is not the contact, the owner or anyone named in the lead record.` });
    }
    return issues;
  },
};
