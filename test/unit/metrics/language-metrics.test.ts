/**
 * Per-language text-understanding metrics (issue 10): which language a lead is counted under,
 * and dnc precision / recall, false refusals and the unread rate per language.
 */
import { describe, expect, it } from 'vitest';
import { languageMetrics, textLanguageOf, UNKNOWN_LANGUAGE, type LanguageRow } from '../../../server/domain/metrics/language-metrics.ts';
import { buildDatasetIndex, computeFeatures } from '../../../server/domain/features/index.ts';
import { compileRuleset, decide, loadRulesetFromDir } from '../../../server/domain/rules/index.ts';
import type { Lead } from '../../../server/domain/lead.ts';

const row = (text_language: string | null, decision: LanguageRow['decision'], gold: LanguageRow['gold'], reasons: string[] = []): LanguageRow => ({ text_language, decision, gold, reasons });

describe('per-language text metrics', () => {
  it('computes dnc precision and recall, false refusals and the unread rate per language', () => {
    const m = languageMetrics([
      row('de', 'do_not_contact', 'do_not_contact'), // tp
      row('de', 'do_not_contact', 'contact'), // fp, false refusal
      row('de', 'contact', 'do_not_contact'), // fn
      row('de', 'wait', 'wait'),
      row('de', 'do_not_contact', null, ['unread_customer_message']), // unlabeled: counts for the unread rate only
      row('fr', 'do_not_contact', 'not_worth_pursuing', ['unread_customer_message']), // fp, not a false refusal
      row(null, 'contact', 'contact'),
    ]);
    expect(Object.keys(m)).toEqual(['de', 'fr', UNKNOWN_LANGUAGE]);
    expect(m.de).toEqual({ leads: 5, labeled: 4, dnc_precision: 0.5, dnc_recall: 0.5, false_refusals: 1, false_refusal_rate: 0.5, unread: 1, unread_rate: 0.2 });
    expect(m.fr).toMatchObject({ leads: 1, dnc_precision: 0, dnc_recall: null, false_refusals: 0, false_refusal_rate: null, unread: 1, unread_rate: 1 });
    expect(m[UNKNOWN_LANGUAGE]).toMatchObject({ leads: 1, dnc_precision: null, dnc_recall: null, false_refusals: 0, false_refusal_rate: 0, unread: 0 });
  });

  it("counts a lead under the language of the customer's own texts, not of our emails or the contact field", async () => {
    const loaded = await loadRulesetFromDir('rules/default');
    if (!loaded.ok) throw new Error('default ruleset does not load');
    const compiled = compileRuleset(loaded.ruleset);
    const lead: Lead = {
      id: 'L-1', created_at: '2026-09-01T08:00:00Z', contact: { name: 'Ana', email: 'ana@example.com', language: 'en' },
      consent: { email: true, phone: true }, service: { type: 'moving' }, quotes: [],
      activities: [
        { at: '2026-09-01T08:00:00Z', channel: 'email', direction: 'outbound', text: 'Thank you for your request, here is our quote for the move.' },
        { at: '2026-09-03T08:00:00Z', channel: 'email', direction: 'inbound', text: 'Merci beaucoup, nous allons comparer les offres et revenir vers vous la semaine prochaine.' },
      ],
    } as Lead;
    const decision = decide(compiled, computeFeatures(lead, '2026-11-20', buildDatasetIndex([lead])));
    expect(textLanguageOf(decision)).toBe('fr');
    expect(textLanguageOf({ texts: undefined })).toBe(UNKNOWN_LANGUAGE);
  });
});
