/**
 * The template writer drafts from the lead's story: it owns a missed callback, checks a moved
 * date, answers a price objection without a figure, asks what would make it work after a quote;
 * in en/de/hr, grounded, deterministic per lead and varied across leads.
 */
import { describe, expect, it } from 'vitest';
import type { RuleDecision } from '../../../server/domain/decision.ts';
import { draftTextForGrounding, writeTemplateDraft } from '../../../server/domain/drafting/index.ts';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { Lead } from '../../../server/domain/lead.ts';
import { parsePromptTemplate } from '../../../server/domain/prompts/prompt-template.ts';
import { renderPrompt } from '../../../server/domain/prompts/render-prompt.ts';
import { computeFeatures } from '../../../server/domain/rules/index.ts';
import { buildLeadStory } from '../../../server/domain/story/index.ts';

const AS_OF = '2026-10-01';
const decision = (code: string): RuleDecision => ({ decision: 'contact', priority: 70, recontact_after: null, reasons: [{ code, explanation: code }], trace: [] });

function lead(id: string, language: string, inbound: string | null, extra: object = {}): Lead {
  return Lead.parse({
    id, created_at: '2026-09-01T08:00:00Z', source: 'web_form',
    contact: { name: 'Ana Horvat', email: 'ana@example.org', phone: '+385 91 555 0101', language },
    consent: { email: true, phone: true },
    service: { type: 'moving', origin: 'Zagreb', destination: 'Munich', date: '2027-01-18', date_flexibility: 'exact' },
    quotes: [{ id: 'Q1', sent_at: '2026-09-05T10:00:00Z', amount: 2450, currency: 'EUR', status: 'sent', valid_until: '2026-12-31' }],
    activities: [
      { at: '2026-09-01T08:00:00Z', channel: 'form', direction: 'inbound', text: 'Moving in January.' },
      { at: '2026-09-05T10:00:00Z', channel: 'email', direction: 'outbound', outcome: 'sent', text: 'Quote Q1 sent.' },
      ...(inbound ? [{ at: '2026-09-15T18:00:00Z', channel: 'email', direction: 'inbound', text: inbound }] : []),
    ],
    ...extra,
  });
}

const grounded = (l: Lead, draft: ReturnType<typeof writeTemplateDraft>) => checkGrounding(l, draftTextForGrounding(draft), { asOf: AS_OF }).issues;
const APOLOGY: Record<string, RegExp> = { en: /sorry|apolog/i, de: /Entschuldigung|tut mir leid|unser Fehler/, hr: /isprik|ispričav|žao mi je|propust/i };
const CALL: Record<string, RegExp> = { en: /call|phone/i, de: /Rückruf|Anruf|angerufen|zurückgerufen/, hr: /nazov|nazv|poziv/ };

describe('drafts from the story', () => {
  it.each(['en', 'de', 'hr'])('owns a missed callback first, in %s, grounded', (language) => {
    const ask = { en: 'Could you call me back please?', de: 'Bitte um Rückruf morgen Vormittag.', hr: 'Molim povratni poziv sutra ujutro.' }[language]!;
    for (let i = 0; i < 12; i++) {
      const l = lead(`CB-${i}`, language, ask);
      expect(buildLeadStory(l, AS_OF).lost_after.kind).toBe('callback_missed');
      const draft = writeTemplateDraft(l, decision('callback_requested'), { asOf: AS_OF });
      const opening = draft.email!.body.split('\n\n')[1];
      expect(opening).toMatch(APOLOGY[language]);
      expect(opening).toMatch(CALL[language]);
      expect(draft.phone_script).toMatch(APOLOGY[language]);
      expect(grounded(l, draft)).toEqual([]);
    }
  });

  it('is the same for the same lead and varies its opening across leads', () => {
    const a = writeTemplateDraft(lead('V-1', 'en', 'Call me back please.'), decision('callback_requested'), { asOf: AS_OF });
    expect(writeTemplateDraft(lead('V-1', 'en', 'Call me back please.'), decision('callback_requested'), { asOf: AS_OF })).toEqual(a);
    const openings = new Set(Array.from({ length: 30 }, (_, i) => writeTemplateDraft(lead(`V-${i}`, 'en', 'Call me back please.'), decision('callback_requested'), { asOf: AS_OF }).email!.body.split('\n\n')[1]));
    expect(openings.size).toBeGreaterThanOrEqual(3);
  });

  it('reconnects first with a line of its own per reason, so waiting leads do not all open alike', () => {
    const first = (code: string) => {
      const d: RuleDecision = { decision: 'wait', priority: 20, recontact_after: '2027-01-10', reasons: [{ code, explanation: code }], trace: [] };
      return writeTemplateDraft(lead('W-1', 'en', null), d, { asOf: AS_OF }).email!.body.split('\n\n')[1].split(/(?<=\.)\s/)[0];
    };
    const lines = ['recently_contacted', 'too_early', 'customer_asked_to_wait'].map(first);
    expect(new Set(lines).size).toBe(3);
    for (const line of lines) expect(line).toMatch(/your move from Zagreb to Munich/i);
  });

  it.each(['en', 'de', 'hr'])('answers a price objection without any new figure or promise, in %s', (language) => {
    const l = lead('P-1', language, 'A bit too expensive for us, our budget is EUR 2000.');
    expect(buildLeadStory(l, AS_OF).lost_after.kind).toBe('price_objection');
    for (let i = 0; i < 6; i++) {
      const li = lead(`P-${i}`, language, 'A bit too expensive for us, our budget is EUR 2000.');
      const draft = writeTemplateDraft(li, decision('price_objection_open'), { asOf: AS_OF });
      expect(draft.email!.body).toMatch({ en: /price/i, de: /Preis/, hr: /cijen/i }[language]!);
      expect(draft.email!.body).not.toMatch(/2[.,]?000|discount|Rabatt|popust/i);
      expect(grounded(li, draft)).toEqual([]);
    }
  });

  it('checks the moved date and never states the old one as the plan', () => {
    const l = lead('D-1', 'en', 'We postponed the move to 22 February 2027.');
    const draft = writeTemplateDraft(l, decision('date_postponed'), { asOf: AS_OF });
    expect(draft.email!.body).toMatch(/22 February 2027/);
    expect(draft.email!.body).not.toMatch(/18 January 2027/);
    expect(grounded(l, draft)).toEqual([]);
  });

  it('asks what would make it work when they went quiet after the quote', () => {
    const questions = new Set(Array.from({ length: 20 }, (_, i) => writeTemplateDraft(lead(`Q-${i}`, 'en', null), decision('quote_no_decision'), { asOf: AS_OF }).email!.body.split('\n').at(-4)));
    expect([...questions].some((q) => /what would make this work for you\?/i.test(q ?? ''))).toBe(true);
  });

  it('drafts a lead in another language in English and flags it', () => {
    const draft = writeTemplateDraft(lead('F-1', 'fr', 'Could you call me back please?'), decision('callback_requested'), { asOf: AS_OF });
    expect(draft.email!.body).toMatch(/^Hello Ana,/);
    expect(draft.risk_flags.join(' ')).toMatch(/No templates for language 'fr': drafted in English/);
  });

  it('gives model writers the story as {{story}}, without CRM text', () => {
    const parsed = parsePromptTemplate('t.md', '# system\nWrite.\n# user\n{{story}}');
    if (!parsed.ok) throw new Error('template did not parse');
    const l = lead('S-1', 'en', 'Could you call me back please? My code is SECRET-123.');
    const rendered = renderPrompt(parsed.template, l, computeFeatures(l, AS_OF), decision('callback_requested'));
    expect(rendered.user).toMatch(/Lost after: asked for a call back on 15 September 2026; nobody called\./);
    expect(rendered.user).toMatch(/apologise that nobody called back/);
    expect(rendered.user).not.toMatch(/SECRET-123/);
  });
});
