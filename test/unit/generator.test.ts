import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseLead, type Lead } from '../../server/domain/lead';
import { generateLeads, generateLeadsWithTruth } from '../../datasets/generator/index';
import { SITUATIONS } from '../../datasets/generator/customer-truth';
import { summarize } from '../../datasets/generator/summary';

const meta = JSON.parse(readFileSync(new URL('../../datasets/demo.meta.json', import.meta.url), 'utf8')) as {
  name: string; as_of: string; description: string; seed: number; count: number;
};
const demoText = readFileSync(new URL('../../datasets/demo.jsonl', import.meta.url), 'utf8');
const demo: Lead[] = demoText.trim().split('\n').map((line) => JSON.parse(line) as Lead);
const asOfMs = Date.parse(`${meta.as_of}T00:00:00Z`);

const ALL_REASON_CODES = [
  'opted_out', 'erasure_requested', 'no_contact_consent', 'asked_not_to_contact', 'complaint', 'legal_dispute',
  'service_date_passed', 'no_longer_needed', 'booked_elsewhere', 'already_customer', 'invalid_contact', 'duplicate',
  'sensitive_circumstances', 'insufficient_data', 'low_intent', 'price_gap', 'too_old', 'low_value', 'over_contacted',
  'recently_contacted', 'too_early', 'customer_asked_to_wait', 'upcoming_service_date', 'quote_no_decision',
  'engaged_then_silent', 'price_objection_open', 'callback_requested', 're_engaged', 'date_postponed', 'unread_customer_message',
];

function generateText(options: { seed: number; count: number; asOf: string }): string {
  let text = '';
  for (const lead of generateLeads(options)) text += `${JSON.stringify(lead)}\n`;
  return text;
}

/** Compliance flags as CONTRACTS.md means them: opted out, erasure, or no channel we may use. */
function complianceFlagged(lead: Lead): boolean {
  const c = lead.consent;
  if (!c) return false;
  return Boolean(c.opted_out_at) || Boolean(c.erasure_requested_at) || (c.email === false && c.phone === false);
}

describe('demo data generator', () => {
  it('is deterministic: same seed, same output; another seed, other output', () => {
    const options = { seed: 7, count: 300, asOf: '2026-11-20' };
    expect(generateText(options)).toBe(generateText(options));
    expect(generateText({ ...options, seed: 8 })).not.toBe(generateText(options));
  });

  it('never uses Math.random (or the clock) for the data', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(() => generateText({ seed: 1, count: 200, asOf: '2026-11-20' })).not.toThrow();
    } finally {
      Math.random = original;
    }
  });

  it('gives each lead its own stream: a longer run starts with the shorter run', () => {
    const short = generateText({ seed: 3, count: 100, asOf: '2026-11-20' });
    const long = generateText({ seed: 3, count: 150, asOf: '2026-11-20' });
    expect(long.startsWith(short)).toBe(true);
  });

  it('datasets/demo.jsonl equals a fresh generation from demo.meta.json (it cannot drift)', () => {
    expect(meta.name).toBe('demo');
    expect(demo).toHaveLength(meta.count);
    expect(demoText).toBe(generateText({ seed: meta.seed, count: meta.count, asOf: meta.as_of }));
  });

  it('emits records that all pass parseLead, with stable sequential ids', () => {
    const failures = demo.map((lead) => parseLead(lead)).filter((r) => !r.ok);
    expect(failures).toEqual([]);
    demo.forEach((lead, i) => expect(lead.id).toBe(`L-${String(i + 1).padStart(6, '0')}`));
    const ids = new Set(demo.map((l) => l.id));
    for (const lead of demo) {
      if (lead.duplicate_of) expect(ids.has(lead.duplicate_of) && lead.duplicate_of < lead.id).toBe(true);
    }
  });

  it('is a snapshot as of as_of: nothing happens later, activities are in time order', () => {
    for (const lead of demo) {
      const instants = [lead.created_at, lead.consent?.opted_out_at, lead.consent?.erasure_requested_at,
        ...(lead.quotes ?? []).map((q) => q.sent_at)].filter((v): v is string => Boolean(v));
      for (const at of instants) expect(Date.parse(at), `${lead.id} ${at}`).toBeLessThanOrEqual(asOfMs);
      let previous = -Infinity;
      for (const activity of lead.activities ?? []) {
        const at = Date.parse(activity.at!);
        expect(at, `${lead.id} ${activity.at}`).toBeLessThanOrEqual(asOfMs);
        expect(at, `${lead.id} activities out of order`).toBeGreaterThanOrEqual(previous);
        previous = at;
      }
      for (const value of [lead.created_at, ...(lead.activities ?? []).map((a) => a.at), ...(lead.quotes ?? []).map((q) => q.sent_at)]) {
        if (value) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
    }
  });

  it('has the label distribution the issue asks for', () => {
    const s = summarize(demo, meta.as_of);
    const share = (d: string) => (s.decisions[d] ?? 0) / s.total;
    expect(share('do_not_contact')).toBeGreaterThanOrEqual(0.4);
    expect(share('do_not_contact')).toBeLessThanOrEqual(0.5);
    expect(share('not_worth_pursuing')).toBeGreaterThanOrEqual(0.25);
    expect(share('not_worth_pursuing')).toBeLessThanOrEqual(0.35);
    expect(share('contact')).toBeGreaterThanOrEqual(0.12);
    expect(share('contact')).toBeLessThanOrEqual(0.18);
    expect(share('wait')).toBeGreaterThanOrEqual(0.05);
    expect(share('wait')).toBeLessThanOrEqual(0.08);
    // About one in five dormant leads is truly recoverable.
    expect(s.dormantRecoverable / s.dormant).toBeGreaterThan(0.16);
    expect(s.dormantRecoverable / s.dormant).toBeLessThan(0.26);
    for (const code of ALL_REASON_CODES) expect(s.reasons[code] ?? 0, code).toBeGreaterThanOrEqual(5);
  });

  it('labels every compliance-flagged lead do_not_contact with the compliance reason first', () => {
    const flagged = demo.filter(complianceFlagged);
    expect(flagged.length).toBeGreaterThan(50);
    for (const lead of flagged) {
      expect(lead.label?.decision, lead.id).toBe('do_not_contact');
      expect(['opted_out', 'erasure_requested', 'no_contact_consent']).toContain(lead.label?.reasons[0]);
    }
  });

  it('labels are consistent: reasons match the decision, wait has a future recontact_after', () => {
    const category: Record<string, string> = {};
    for (const [decision, codes] of Object.entries(SITUATIONS)) for (const code of codes) category[code] = decision;
    for (const code of ['opted_out', 'erasure_requested', 'no_contact_consent', 'unread_customer_message']) category[code] = 'do_not_contact';
    for (const lead of demo) {
      const label = lead.label!;
      expect(label.reasons.length, lead.id).toBeGreaterThan(0);
      for (const reason of label.reasons) expect(category[reason], `${lead.id} ${reason}`).toBe(label.decision);
      if (label.decision === 'wait') expect(Date.parse(label.recontact_after!)).toBeGreaterThan(asOfMs);
      else expect(label.recontact_after).toBeNull();
    }
  });

  it('keeps an irreducible error: 3-6% of leads have a truth the data does not show', () => {
    let hidden = 0;
    let total = 0;
    for (const { truth } of generateLeadsWithTruth({ seed: meta.seed, count: meta.count, asOf: meta.as_of })) {
      total++;
      if (truth.hidden) hidden++;
    }
    expect(hidden / total).toBeGreaterThanOrEqual(0.03);
    expect(hidden / total).toBeLessThanOrEqual(0.06);
  });

  it('contains the messy situations real CRMs have', () => {
    const texts = demo.flatMap((l) => (l.activities ?? []).map((a) => a.text ?? ''));
    const languages = new Set(demo.map((l) => l.contact?.language));
    expect(['en', 'de', 'hr', 'sr', 'sl', 'it', 'fr', 'es', 'pl', 'cs', 'hu', 'nl'].filter((lang) => !languages.has(lang))).toEqual([]);
    expect(texts.some((t) => /ignore all previous instructions/i.test(t))).toBe(true);
    expect(texts.some((t) => /verschoben/i.test(t))).toBe(true);
    expect(texts.some((t) => /odgođena/i.test(t))).toBe(true);
    expect(demo.some((l) => l.duplicate_of)).toBe(true);
    expect(demo.some((l) => l.created_at === null || l.created_at === undefined)).toBe(true);
    expect(demo.some((l) => l.status === 'lost' && l.label?.decision === 'contact')).toBe(true);
    const quoteStatuses = new Set(demo.flatMap((l) => (l.quotes ?? []).map((q) => q.status)));
    expect([...quoteStatuses].sort()).toEqual(['accepted', 'expired', 'rejected', 'sent', 'withdrawn']);
  });
});
