/** Every date the draft states must be one the record supports (see date-range.ts for "supports"). */
import { type DateMention, WEEKDAY_NAMES_EN, rangeContains } from '../date-range.ts';
import { extractDates } from '../extract-dates.ts';
import { isoDay } from '../text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

function weekdayMismatch(mention: DateMention, ctx: GroundingContext): string | null {
  if (mention.weekday === null) return null;
  for (const c of mention.candidates) {
    if (c.start.getTime() !== c.end.getTime()) continue;
    // A yearless date takes the year of the record date it names, else the next occurrence.
    const fact = ctx.facts.dates.find((f) => rangeContains(c, f.range));
    const day = fact && !c.yearKnown ? fact.range.start : c.start;
    if (day.getUTCDay() !== mention.weekday) return `${isoDay(day)} is a ${WEEKDAY_NAMES_EN[day.getUTCDay()]}, not a ${WEEKDAY_NAMES_EN[mention.weekday]}.`;
  }
  return null;
}

export const dateCheck: GroundingCheck = {
  id: 'dates',
  description: 'dates (absolute, relative, month-level) must match a date in the record fields or texts',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const mention of extractDates(ctx.text, ctx.asOf)) {
      const mismatch = weekdayMismatch(mention, ctx);
      if (mismatch) {
        issues.push({ kind: 'unsupported_date', text: mention.text, explanation: `Weekday does not match the date: ${mismatch}` });
        continue;
      }
      const supported = mention.candidates.some((c) => ctx.facts.dates.some((f) => rangeContains(c, f.range)));
      if (!supported) {
        const shown = mention.candidates.map((c) => (c.start.getTime() === c.end.getTime() ? isoDay(c.start) : `${isoDay(c.start)}..${isoDay(c.end)}`)).join(' or ');
        issues.push({ kind: 'unsupported_date', text: mention.text, explanation: `"${mention.text}" (read as ${shown}) matches no date in the lead record.` });
      }
    }
    return issues;
  },
};
