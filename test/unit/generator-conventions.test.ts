/**
 * The demo data speaks the way real CRMs record customers, not the way our phrase lists were
 * written: refusals in outbound call logs, SMS keywords, tags and lost reasons; our own opt-out
 * footers on good leads; quoted earlier emails; chat shorthand; twelve languages; and messages in
 * languages we do not support, which nobody may act on before a person has read them.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Lead } from '../../server/domain/lead';
import { generateLeadsWithTruth, type GeneratedLead } from '../../datasets/generator/index';
import type { Evidence } from '../../datasets/generator/customer-truth';
import { CUSTOMER } from '../../datasets/generator/notes-customer';
import { DNC_TAGS, REFUSAL_LOST_REASONS, SMS_KEYWORDS, UNSUPPORTED_MESSAGES } from '../../datasets/generator/notes-crm';
import { LANGS } from '../../datasets/generator/vocab';

const AS_OF = '2026-11-20';
const demo: Lead[] = readFileSync(new URL('../../datasets/demo.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((line) => JSON.parse(line) as Lead);
// A larger sample for shares of rare situations (a few hundred refusals instead of dozens).
const sample: GeneratedLead[] = [...generateLeadsWithTruth({ seed: 1, count: 8000, asOf: AS_OF })];

const inbound = (lead: Lead) => (lead.activities ?? []).filter((a) => a.direction === 'inbound');
const last = <T>(items: readonly T[]) => items[items.length - 1];

/** Plain refusals: no compliance flag, no foreign message, so the story's convention is all there is. */
function plain(situation: string): GeneratedLead[] {
  return sample.filter(({ truth }) => truth.situation === situation && !truth.compliance && !truth.foreignLang && !truth.hidden);
}

function shares(leads: GeneratedLead[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { truth } of leads) counts[truth.evidence ?? 'none'] = (counts[truth.evidence ?? 'none'] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / leads.length]));
}

const withEvidence = (leads: GeneratedLead[], evidence: Evidence) => leads.filter((g) => g.truth.evidence === evidence);

describe('demo data in real CRM conventions', () => {
  it('records a refusal where CRMs keep it: outbound call logs, SMS keywords, tags, lost reasons, not only messages', () => {
    const refusals = plain('asked_not_to_contact');
    expect(refusals.length).toBeGreaterThan(150);
    const share = shares(refusals);
    expect(share.call_log ?? 0).toBeGreaterThanOrEqual(0.08);
    expect(share.sms_keyword ?? 0).toBeGreaterThanOrEqual(0.07);
    expect(share.tag ?? 0).toBeGreaterThanOrEqual(0.04);
    expect(share.lost_reason ?? 0).toBeGreaterThanOrEqual(0.04);
    expect(share.chat ?? 0).toBeGreaterThan(0);
    // Still mostly said by the customer, and nothing is left without any evidence.
    expect((share.customer_message ?? 0) + (share.chat ?? 0)).toBeGreaterThanOrEqual(0.25);
    expect(share.quoted_in_ours ?? 0).toBeGreaterThan(0);
    expect(share.none ?? 0).toBe(0);
    // Competitors, cancelled moves and illness are also told to the rep on our own calls and visits.
    expect((shares(plain('booked_elsewhere')).call_log ?? 0) + (shares(plain('booked_elsewhere')).visit_log ?? 0)).toBeGreaterThanOrEqual(0.15);
    expect(shares(plain('booked_elsewhere')).lost_reason ?? 0).toBeGreaterThanOrEqual(0.05);
    expect(shares(plain('no_longer_needed')).call_log ?? 0).toBeGreaterThanOrEqual(0.15);
    expect(shares(plain('no_longer_needed')).lost_reason ?? 0).toBeGreaterThanOrEqual(0.08);
    expect(shares(plain('sensitive_circumstances')).call_log ?? 0).toBeGreaterThanOrEqual(0.15);
  });

  it('a refusal only in a tag or only in the lost reason: the customer said nothing after the first request', () => {
    const refusals = plain('asked_not_to_contact');
    const tagged = withEvidence(refusals, 'tag');
    const lostOnly = withEvidence(refusals, 'lost_reason');
    expect(tagged.length).toBeGreaterThan(5);
    expect(lostOnly.length).toBeGreaterThan(5);
    for (const { lead } of tagged) {
      expect(lead.tags?.some((t) => DNC_TAGS.includes(t)), lead.id).toBe(true);
      expect(inbound(lead), lead.id).toHaveLength(1);
      expect(REFUSAL_LOST_REASONS).not.toContain(lead.lost_reason);
    }
    for (const { lead } of lostOnly) {
      expect(lead.status, lead.id).toBe('lost');
      expect(REFUSAL_LOST_REASONS, lead.id).toContain(lead.lost_reason);
      expect(inbound(lead), lead.id).toHaveLength(1);
      expect(lead.tags?.some((t) => DNC_TAGS.includes(t)) ?? false, lead.id).toBe(false);
    }
  });

  it('an SMS keyword reply follows our SMS; an outbound call log is the last word', () => {
    const refusals = plain('asked_not_to_contact');
    const keywords = new Set(Object.values(SMS_KEYWORDS).flat().map((k) => k.toLowerCase().replace(/[.]$/, '')));
    const keyworded = withEvidence(refusals, 'sms_keyword');
    expect(keyworded.length).toBeGreaterThan(10);
    for (const { lead } of keyworded) {
      const activities = lead.activities ?? [];
      const reply = last(activities);
      expect(reply.channel, lead.id).toBe('sms');
      expect(reply.direction, lead.id).toBe('inbound');
      expect(keywords.has(reply.text!.toLowerCase().replace(/[.]$/, '')), `${lead.id}: ${reply.text}`).toBe(true);
      const ours = activities[activities.length - 2];
      expect([ours.channel, ours.direction], lead.id).toEqual(['sms', 'outbound']);
    }
    const logged = withEvidence(refusals, 'call_log');
    expect(logged.length).toBeGreaterThan(10);
    for (const { lead } of logged) {
      const log = last(lead.activities ?? []);
      expect(['call', 'meeting'], lead.id).toContain(log.channel);
      expect(log.direction, lead.id).toBe('outbound');
      expect(log.author, lead.id).toMatch(/^rep:/);
      expect(inbound(lead), lead.id).toHaveLength(1);
    }
  });

  it('a refusal logged only quoted below our reply (sent mail logged by BCC) is the customer\'s, not ours', () => {
    const quotedOnly = withEvidence(plain('asked_not_to_contact'), 'quoted_in_ours');
    expect(quotedOnly.length).toBeGreaterThan(3);
    for (const { lead } of quotedOnly) {
      const ours = last(lead.activities ?? []);
      expect([ours.channel, ours.direction], lead.id).toEqual(['email', 'outbound']);
      const [own, ...rest] = ours.text!.split('\n\n');
      expect(own.length, lead.id).toBeGreaterThan(0);
      expect(rest.join('\n\n'), lead.id).toMatch(/\n> \S/);
      expect(inbound(lead), lead.id).toHaveLength(1);
    }
  });

  it('puts refusal-like words of our own into outbound emails and SMS of leads that should be contacted', () => {
    const optOutLine = /\bSTOP\b|unsubscribe|ABMELDEN|odjav|remove you from our list|won't contact you again|melden wir uns nicht mehr|nećemo kontaktirati/i;
    const positive = demo.filter((l) => l.label?.decision === 'contact' || l.label?.decision === 'wait');
    const withOurOptOut = positive.filter((l) => (l.activities ?? []).some((a) => a.direction === 'outbound' && optOutLine.test(a.text ?? '')));
    expect(withOurOptOut.length / positive.length).toBeGreaterThanOrEqual(0.15);
  });

  it('quotes our earlier email below the customer\'s new text in replies', () => {
    let replies = 0;
    let quoting = 0;
    for (const lead of demo) {
      const activities = lead.activities ?? [];
      activities.forEach((a, i) => {
        if (a.direction !== 'inbound' || a.channel !== 'email' || a.outcome !== 'replied') return;
        replies++;
        const at = a.text!.indexOf('\n> ');
        if (at < 0) return;
        quoting++;
        // The quoted lines are exactly an earlier outbound email of ours, and the new text comes first.
        const quoted = a.text!.slice(at + 1).split('\n').map((line) => line.replace(/^> /, '')).join('\n');
        const earlier = activities.slice(0, i).filter((b) => b.direction === 'outbound' && b.channel === 'email').map((b) => b.text);
        expect(earlier, lead.id).toContain(quoted);
        expect(a.text!.slice(0, at).trim().length, lead.id).toBeGreaterThan(0);
      });
    }
    expect(quoting / replies).toBeGreaterThanOrEqual(0.15);
  });

  it('chat messages are typed in lower case without apostrophes', () => {
    const chats = sample.flatMap(({ lead }) => inbound(lead).filter((a) => a.channel === 'chat').map((a) => a.text ?? ''));
    expect(chats.length).toBeGreaterThan(50);
    const casual = chats.filter((t) => t === t.toLowerCase() && !/['’]/.test(t));
    expect(casual.length / chats.length).toBeGreaterThanOrEqual(0.6);
  });

  it('customers write in all twelve supported languages; en/de/hr stay the majority', () => {
    const byLang: Record<string, number> = {};
    for (const { truth } of sample) byLang[truth.lang] = (byLang[truth.lang] ?? 0) + 1;
    expect(((byLang.en ?? 0) + (byLang.de ?? 0) + (byLang.hr ?? 0)) / sample.length).toBeGreaterThanOrEqual(0.75);
    for (const lang of LANGS.filter((l) => !['en', 'de', 'hr'].includes(l))) {
      expect((byLang[lang] ?? 0) / sample.length, lang).toBeGreaterThanOrEqual(0.012);
      expect((byLang[lang] ?? 0) / sample.length, lang).toBeLessThanOrEqual(0.03);
    }
    const recorded = new Set(demo.map((l) => l.contact?.language));
    expect(LANGS.filter((lang) => !recorded.has(lang))).toEqual([]);
    // A Polish customer's refusal is in Polish: their texts are from the Polish bank, not English.
    const polishRefusals = sample.filter(({ truth }) => truth.lang === 'pl' && truth.situation === 'asked_not_to_contact' && truth.evidence === 'customer_message');
    const polish = new Set(CUSTOMER.dont_contact.pl);
    for (const { lead } of polishRefusals) {
      expect(inbound(lead).some((a) => polish.has(a.text!.split('\n\n')[0]) || /[ąęłńśźż]|prosz|kontakt|dzwon/i.test(a.text ?? '')), lead.id).toBe(true);
    }
  });

  it('has native phrasings of every customer situation in every supported language', () => {
    const situations = ['form_full', 'form_no_date', 'form_sparse', 'form_curious', 'form_again', 'thanks_considering', 'question',
      'price_objection', 'booked_elsewhere', 'already_moved', 'not_needed', 'dont_contact', 'unsubscribe', 'erasure', 'complaint',
      'legal', 'sensitive', 'postponed', 'wait', 'callback', 'reengaged', 'too_early', 'ambiguous', 'just_browsing', 'not_booked_yet',
      'form_full_cleaning', 'form_no_date_cleaning', 'form_full_storage', 'form_no_date_storage', 'form_full_office_moving',
      'form_no_date_office_moving'];
    const refusals = ['booked_elsewhere', 'not_needed', 'dont_contact', 'complaint', 'legal', 'sensitive'];
    const english = new Set(Object.values(CUSTOMER).flatMap((bank) => bank.en));
    for (const key of situations) {
      for (const lang of LANGS) {
        const phrasings = CUSTOMER[key][lang] ?? [];
        expect(phrasings.length, `${key}/${lang}`).toBeGreaterThanOrEqual(refusals.includes(key) ? 3 : 1);
        if (lang !== 'en') for (const p of phrasings) expect(english.has(p), `${key}/${lang}: ${p}`).toBe(false);
      }
    }
  });

  it('a last message in a language we do not support is do_not_contact / unread_customer_message', () => {
    const foreign = sample.filter(({ truth }) => truth.foreignLang);
    expect(foreign.length / sample.length).toBeGreaterThanOrEqual(0.006);
    expect(foreign.length / sample.length).toBeLessThanOrEqual(0.016);
    // Chat and SMS styling lower-case and strip punctuation; an email may quote ours below.
    const norm = (t: string) => t.split('\n\n')[0].toLowerCase().replace(/['’,]/g, '').replace(/[.]\s*$/, '');
    const messages = new Set(Object.values(UNSUPPORTED_MESSAGES).flatMap((byLang) => Object.values(byLang).flat()).map(norm));
    const unread = foreign.filter(({ truth }) => truth.unreadLast);
    expect(unread.length).toBeGreaterThan(foreign.length / 2);
    for (const { lead, truth } of unread) {
      expect(lead.label?.decision, lead.id).toBe('do_not_contact');
      expect(lead.label?.reasons[truth.compliance ? 1 : 0], lead.id).toBe('unread_customer_message');
      const activities = lead.activities ?? [];
      const message = [...activities].reverse().find((a) => a.direction === 'inbound' && messages.has(norm(a.text ?? '')));
      expect(message, lead.id).toBeDefined();
      // After our last contact: no outbound activity comes later.
      const at = Date.parse(message!.at!);
      expect(activities.filter((a) => a.direction === 'outbound' && Date.parse(a.at!) >= at), lead.id).toEqual([]);
    }
    // Read and answered ("could you write in English?"): labelled from the truth, like any other lead.
    for (const { lead } of foreign.filter(({ truth }) => !truth.unreadLast)) {
      expect(lead.label?.reasons, lead.id).not.toContain('unread_customer_message');
      const activities = lead.activities ?? [];
      const at = activities.findIndex((a) => a.direction === 'inbound' && messages.has(norm(a.text ?? '')));
      expect(at, lead.id).toBeGreaterThanOrEqual(0);
      expect(activities.slice(at + 1).some((a) => a.direction === 'outbound' && a.author?.startsWith('rep:')), lead.id).toBe(true);
    }
    expect(sample.filter(({ truth, lead }) => !truth.unreadLast && lead.label?.reasons.includes('unread_customer_message'))).toEqual([]);
  });
});
