/**
 * The backtest fixture: the demo CRM as exported some weeks AFTER its as_of. Each lead keeps its
 * record as of T (the demo's as_of) and gains the dated events that followed, drawn from its gold
 * outcome (what the generator's hidden truth says the customer does when worked again):
 *
 * - reactivated: an inbound reply (outcome `replied`) 2-40 days after T;
 * - converted: a reply, then the open quote accepted (`status: accepted`, `decided_at` after T), or a
 *   new accepted quote sent after T when there was none open;
 * - declined: an inbound "no thanks" (outcome `declined`); every fourth also opts out after T;
 * - complained: an inbound complaint (outcome `complaint`);
 * - no_response and unlabeled: every third gets an unanswered call after T (noise a replay must ignore).
 * Plus `newLeads` leads created after T (copies of demo leads with new ids), which a replay as of T
 * must leave out. Seeded: the same leads and seed give the same file.
 *
 * A replay as of T must therefore decide every lead exactly as the demo, and the events after T are
 * the labels. The fixture assumes every lead was worked after T; lift then says how well a
 * ruleset's selection concentrates the leads that came back.
 */
import type { Lead, Quote } from '../../server/domain/lead.ts';
import { mulberry32 } from '../../server/domain/random.ts';

export interface LaterEventsOptions {
  /** The replay date: every added event is after it. */
  asOf: string;
  seed?: number;
  /** New leads created after asOf. */
  newLeads?: number;
}

const DAY = 86_400_000;
const REPLY: Record<string, string> = {
  en: 'Hi, sorry for the silence. We are still planning this, can you send us an updated offer?',
  de: 'Hallo, entschuldigen Sie die Funkstille. Wir planen das noch, können Sie uns ein aktuelles Angebot schicken?',
  hr: 'Pozdrav, oprostite na šutnji. Još uvijek to planiramo, možete li nam poslati novu ponudu?',
};
const DECLINE: Record<string, string> = {
  en: 'No thank you, we no longer need this.',
  de: 'Nein danke, das brauchen wir nicht mehr.',
  hr: 'Ne hvala, to nam više ne treba.',
};
const COMPLAINT: Record<string, string> = {
  en: 'Stop writing to us. This is the third message, I will complain about this.',
  de: 'Hören Sie auf, uns zu schreiben. Ich werde mich darüber beschweren.',
  hr: 'Prestanite nam pisati. Žalit ću se zbog ovoga.',
};

const text = (table: Record<string, string>, lead: Lead) => table[(lead.contact?.language ?? 'en').slice(0, 2)] ?? table.en;

export function withLaterEvents(leads: readonly Lead[], options: LaterEventsOptions): Lead[] {
  const random = mulberry32(options.seed ?? 16);
  const t0 = Date.parse(`${options.asOf}T00:00:00Z`);
  // 09:00-17:59 on a day 2..40 days after as_of.
  const at = (minDays = 2, maxDays = 40) =>
    new Date(t0 + (minDays + Math.floor(random() * (maxDays - minDays + 1))) * DAY + (9 + Math.floor(random() * 9)) * 3_600_000 + Math.floor(random() * 60) * 60_000)
      .toISOString().replace('.000Z', 'Z');
  const out: Lead[] = [];
  let quiet = 0;
  for (const original of leads) {
    const lead: Lead = structuredClone(original);
    const acts = (lead.activities ??= []);
    const inbound = (when: string, outcome: string, body: string) =>
      acts.push({ at: when, channel: 'email', direction: 'inbound', author: 'customer', outcome, text: body });
    switch (lead.label?.outcome ?? null) {
      case 'reactivated':
        inbound(at(), 'replied', text(REPLY, lead));
        break;
      case 'converted': {
        const replied = at(2, 25);
        inbound(replied, 'replied', text(REPLY, lead));
        const decided = new Date(Date.parse(replied) + (1 + Math.floor(random() * 10)) * DAY).toISOString().replace('.000Z', 'Z');
        const open = [...(lead.quotes ?? [])].reverse().find((q) => q?.status === 'sent');
        if (open) Object.assign(open, { status: 'accepted', decided_at: decided });
        else (lead.quotes ??= []).push({ id: `Q${(lead.quotes?.length ?? 0) + 1}`, sent_at: replied, amount: lead.value_estimate ?? null, currency: 'EUR', valid_until: null, status: 'accepted', decided_at: decided } as Quote);
        acts.push({ at: decided, channel: 'note', direction: 'internal', author: `rep:${lead.owner ?? 'team'}`, outcome: 'booked', text: 'Booked: confirmed by email.' });
        break;
      }
      case 'declined': {
        const when = at();
        inbound(when, 'declined', text(DECLINE, lead));
        if (random() < 0.25) lead.consent = { ...(lead.consent ?? {}), opted_out_at: when };
        break;
      }
      case 'complained':
        inbound(at(), 'complaint', text(COMPLAINT, lead));
        break;
      default:
        if (quiet++ % 3 === 0) acts.push({ at: at(), channel: 'call', direction: 'outbound', author: `rep:${lead.owner ?? 'team'}`, outcome: 'no_answer', text: 'called, no answer' });
    }
    out.push(lead);
  }
  const fresh = options.newLeads ?? 50;
  for (let i = 0; i < fresh && leads.length; i++) {
    const source = leads[Math.floor(random() * leads.length)];
    const created = at(1, 30);
    out.push({
      ...structuredClone(source),
      id: `B-${String(i + 1).padStart(6, '0')}`,
      created_at: created,
      duplicate_of: null,
      quotes: [],
      activities: [{ at: created, channel: 'form', direction: 'inbound', author: 'customer', outcome: null, text: 'New enquiry through the web form.' }],
    });
  }
  return out;
}
