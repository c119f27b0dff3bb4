/**
 * Benefits and statuses the record does not give the customer: "as a loyal customer", "priority
 * booking", "VIP", "Stammkundin", "stalnoj klijentici". Rekindle's records hold no loyalty or
 * priority programme, so such a claim is supported only by a lead tag naming it.
 */
import { vocab } from '../pricing-vocabulary.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

const STATUS = vocab(
  '(?:as |for )?(?:a |an |one of our |our )(?:loyal|valued|regular|returning|preferred|priority|vip|premium|long-?standing|existing|trusted|special) (?:customer|client|member)s?',
  'priority (?:booking|customer|client|status|treatment|slot|access|scheduling|service|date)s?', '(?:loyalty|vip|member|members|regular-customer) (?:discount|bonus|rate|price|status|programme|program|benefit|perk)s?',
  '(?:front|head|top) of the (?:queue|line|list|schedule)', 'jump the queue', 'preferential (?:treatment|booking|rate|dates?)', 'vip',
  'stammkund*', 'treue[nmr]? kund*', '(?:als|für) (?:unsere[nr]? )?(?:geschätzte|langjährige|bevorzugte|treue)[nr]? kund*', 'bevorzugt*', 'vorrang*', 'priorität*', 'vorzugs*',
  '(?:vjern|stal|redovn|povlašten|dugogodišnj)\\p{L}* (?:klijent|kupac|kupc|korisnik|mušterij|stranc)\\p{L}*', 'prioritet*', 'prednost* (?:pri|kod|u|za)', 'povlašten*', 'vip',
);

export const unearnedStatusCheck: GroundingCheck = {
  id: 'unearned_status',
  description: 'no loyalty, priority or VIP status or benefit the record does not give',
  run(ctx: GroundingContext): GroundingIssue[] {
    const m = ctx.text.match(STATUS);
    if (!m) return [];
    const tags = (ctx.lead.tags ?? []).map((t) => String(t).toLowerCase());
    if (tags.some((t) => m[0].toLowerCase().includes(t) || /loyal|vip|priority|returning|regular|stamm|stal/.test(t))) return [];
    return [{ kind: 'unsupported_claim', text: m[0].trim(), explanation: 'Gives the customer a status or benefit (loyalty, priority, VIP) that the lead record does not show.' }];
  },
};
