/**
 * Duplicates: the same person submitting the form again days or weeks later. Only some get
 * `duplicate_of` set by the CRM; the rest must be recognised by email / phone / name.
 */
import type { Customer } from './customer-profile';
import { DAY } from './dates';
import type { Rng } from './prng';
import type { StoryContext } from './story-context';
import { intake, pickStatus, planDate, quoteStep } from './stories-common';
import type { Lang } from './vocab';

/** What we remember about recent leads so a later one can duplicate them. */
export interface RememberedLead {
  id: string;
  lang: Lang;
  customer: Customer;
  createdMs: number;
  serviceDateMs: number | null;
}

/** A recent lead old enough to have been re-submitted before as_of, or null. */
export function pickDuplicateSource(rng: Rng, recent: readonly RememberedLead[], asOfMs: number): RememberedLead | null {
  for (let attempt = 0; attempt < 8 && recent.length > 0; attempt++) {
    const candidate = rng.pick(recent);
    const ageDays = (asOfMs - candidate.createdMs) / DAY;
    if (ageDays >= 3 && ageDays <= 400) return candidate;
  }
  return null;
}

/** The re-submitting customer: same person, typed slightly differently this time. */
export function resubmittedCustomer(rng: Rng, source: RememberedLead): Customer {
  const original = source.customer;
  const sameEmail = rng.chance(0.75);
  return {
    ...original,
    firstName: rng.chance(0.15) ? original.firstName.toLowerCase() : original.firstName,
    email: sameEmail ? (rng.chance(0.2) ? original.email.toUpperCase() : original.email) : original.email.replace(/@.*/, '@gmail.com'),
    // If the email differs the phone must match, otherwise nobody could tell it is the same person.
    phone: !sameEmail || rng.chance(0.7) ? original.phone.replace(/\s+/g, rng.chance(0.5) ? '' : ' ') : original.phone,
  };
}

export function duplicate(ctx: StoryContext, source: RememberedLead): void {
  const { rng } = ctx;
  const sourceAgeDays = Math.floor((ctx.asOfMs - source.createdMs) / DAY);
  const gapDays = rng.int(1, Math.max(1, Math.min(45, sourceAgeDays - 2)));
  const ageDays = Math.max(1, sourceAgeDays - gapDays);
  planDate(ctx, source.serviceDateMs);
  ctx.begin(ageDays, rng.int(0, ageDays - 1));
  intake(ctx, rng.chance(0.55) ? 'again' : undefined);
  if (rng.chance(0.3)) {
    ctx.advance(0.05, 2);
    ctx.repNote('note_dup');
  }
  if (rng.chance(0.6)) ctx.duplicateOf = source.id;
  pickStatus(ctx, [['new', 50], ['contacted', 30], ['quoted', 20]]);
  if (ctx.status === 'quoted') quoteStep(ctx);
  else if (ctx.status === 'contacted') {
    ctx.advance(0.05, 2);
    ctx.repDoes('call_no_answer', 'call', 'no_answer');
  }
}
