/** Draft quality beside grounding: the stop-word language check, story coverage, and the per-reason table. */
import { describe, expect, it } from 'vitest';
import { writeTemplateDraft } from '../../../server/domain/drafting/index.ts';
import { Lead } from '../../../server/domain/lead.ts';
import { assessDraft, customerLanguageText } from '../../../server/domain/metrics/draft-quality.ts';
import { computeEvalMetrics, type EvalLeadRow } from '../../../server/domain/metrics/eval-metrics.ts';
import { detectLanguage } from '../../../server/domain/metrics/language-check.ts';
import { buildLeadStory } from '../../../server/domain/story/index.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Hello Ana, I wanted to check in about your move to Munich and see how your plans are going.'],
    ['de', 'Guten Tag Frau Huber, ich wollte kurz nachfragen, wie es mit Ihrem Umzug nach München aussieht und ob ich Ihnen helfen kann.'],
    ['hr', 'Dobar dan, javljam se vezano uz Vašu selidbu u Split i želim pitati kako teku pripreme te mogu li Vam pomoći.'],
  ])('recognises %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('says nothing when the text is too short or mixed to tell', () => {
    expect(detectLanguage('Zagreb, Munich, EUR 2,450').language).toBeNull();
    expect(detectLanguage('die in je').language).toBeNull();
  });
});

const lead = (text: string, language = 'en') =>
  Lead.parse({
    id: 'Q-1', created_at: '2026-09-01T08:00:00Z', contact: { name: 'Ana Horvat', email: 'ana@example.org', phone: '+385 91 555 0101', language },
    consent: { email: true, phone: true }, service: { type: 'moving', origin: 'Zagreb', destination: 'Munich', date: '2027-01-18' },
    quotes: [{ id: 'Q1', sent_at: '2026-09-05T10:00:00Z', amount: 2450, currency: 'EUR', status: 'sent', valid_until: '2026-12-31' }],
    activities: [{ at: '2026-09-15T18:00:00Z', channel: 'email', direction: 'inbound', text }],
  });
const contact = { decision: 'contact' as const, priority: 70, recontact_after: null, reasons: [{ code: 'callback_requested', explanation: '' }], trace: [] };

describe('assessDraft', () => {
  it('counts a missed callback as covered only when the draft owns it', () => {
    const l = lead('Could you call me back please?');
    const story = buildLeadStory(l, '2026-10-01');
    expect(story.lost_after.kind).toBe('callback_missed');
    expect(assessDraft(story, 'Hello Ana, I wanted to check in about your move. How are your plans going?', 'en').story_covered).toBe(false);
    expect(assessDraft(story, 'Hello Ana, I am sorry nobody called you back.', 'en').story_covered).toBe(true);
    for (const language of ['en', 'de', 'hr']) {
      const ll = lead('Could you call me back please?', language);
      const draft = writeTemplateDraft(ll, contact, { asOf: '2026-10-01' });
      const q = assessDraft(buildLeadStory(ll, '2026-10-01'), customerLanguageText(draft), language);
      expect(q).toMatchObject({ story_covered: true, language_match: true, expected_language: language });
    }
  });

  it('counts a moved date as covered only when the draft states the new date', () => {
    const l = lead('We postponed the move to 22 February 2027.');
    const story = buildLeadStory(l, '2026-10-01');
    expect(story.lost_after.kind).toBe('date_moved');
    expect(assessDraft(story, 'Is 22 February 2027 still the date to work with?', 'en').story_covered).toBe(true);
    expect(assessDraft(story, 'Is 18 January 2027 still the date to work with?', 'en').story_covered).toBe(false);
  });

  it('expects English for a language without drafts, and says it is unsupported', () => {
    const q = assessDraft(buildLeadStory(lead('Bonjour'), '2026-10-01'), 'Hello, I wanted to check in about your move and see how your plans are going.', 'fr');
    expect(q).toMatchObject({ expected_language: 'en', language_supported: false, language_match: true });
  });
});

describe('computeEvalMetrics draft quality', () => {
  const row = (id: string, reason: string, extra: Partial<EvalLeadRow>): EvalLeadRow => ({
    lead_id: id, decision: 'contact', priority: 50, gold: null, gold_reasons: [], outcome: null, compliance_flag: false, draft_status: 'ok',
    issue_kinds: [], reasons: [reason], story_covered: null, language_match: true, latency_ms: 1, cost: null, tokens: 0, cached: false, ...extra,
  });

  it('reports story coverage and language match overall and per first reason, beside grounding and pricing promises', () => {
    const m = computeEvalMetrics([
      row('a', 'callback_requested', { story_covered: true }),
      row('b', 'callback_requested', { story_covered: false, language_match: false }),
      row('c', 'quote_no_decision', { issue_kinds: ['pricing_promise'], draft_status: 'withheld', language_match: null }),
      row('d', 'quote_no_decision', {}),
    ]);
    expect(m.story_coverage).toBeCloseTo(0.5);
    expect(m.language_match).toBeCloseTo(2 / 3);
    expect(m.by_reason.callback_requested).toMatchObject({ drafts: 2, story_applicable: 2, story_coverage: 0.5, language_match: 0.5, grounding_rate: 1 });
    expect(m.by_reason.quote_no_decision).toMatchObject({ drafts: 2, story_applicable: 0, story_coverage: null, pricing_promises: 1, grounding_rate: 0.5 });
  });

  it('is vacuous (1) with nothing to count, as grounding is', () => {
    const m = computeEvalMetrics([row('a', 'x', { draft_status: 'not_needed', decision: 'do_not_contact', language_match: null })]);
    expect(m.story_coverage).toBe(1);
    expect(m.language_match).toBe(1);
    expect(m.by_reason).toEqual({});
  });
});
