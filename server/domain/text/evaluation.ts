/**
 * Independent evaluation of text understanding, kept apart from training: the same engine path
 * as production (computeFeatures -> decide with the ruleset's corpus, phrase lists, keyword
 * signals and fail-closed), measured on
 * - an utterance set (one customer message or rep note each, gold intent, language, register):
 *   each utterance is put into a minimal lead as the customer's last word after our last contact;
 * - a lead set (canonical leads with gold labels, as real CRM records).
 * Pure: the caller reads the files (server/cli/eval-text.ts, tests, the rules preview).
 */
import type { Lead } from '../lead.ts';
import { buildDatasetIndex, computeFeatures } from '../features/index.ts';
import type { CompiledRuleset } from '../rules/compile.ts';
import { decide } from '../rules/decide.ts';
import { DNC_INTENTS } from './corpus.ts';
import { detectLanguage, languageGroup } from './language.ts';

export interface Utterance { id: string; lang: string; text: string; intent: string; register?: string | null; wait_until?: string | null }

/** Reasons of the do-not-contact intents (hard blocks): a swap between them still counts as read right. */
const DNC_REASONS = new Set(['asked_not_to_contact', 'erasure_requested', 'complaint', 'legal_dispute', 'sensitive_circumstances']);
/** Gold intents of positive or neutral messages: reading one of them as a refusal is a false refusal. */
const POSITIVE_OR_NEUTRAL = new Set(['still_planning', 'asks_to_wait', 'question', 'price_objection', 'other']);
export const HARD_REASONS = new Set([...DNC_REASONS, 'opted_out', 'no_contact_consent']);

export interface UtteranceOutcome {
  id: string; lang: string; gold: string; register: string | null;
  decision: string; reasons: string[];
  read_as_dnc: boolean; unread: boolean;
  detected_language: string | null;
  /** Top intent of the classifier over the text's sentences (highest calibrated score). */
  top_intent: string | null;
  wait_until: string | null; recontact_found: string | null;
}

export interface LanguageFigures {
  n: number;
  dnc_n: number;
  /** Gold DNC utterances read as a DNC reason. */
  dnc_recall: number | null;
  /** Gold DNC utterances that were not contactable: read as DNC or failed closed (unread). */
  dnc_blocked_recall: number | null;
  dnc_precision: number | null;
  positive_neutral_n: number;
  false_refusal_rate: number | null;
  unread_rate: number;
  language_accuracy: number;
  /** Counting hr / sr / bs as one group. */
  language_group_accuracy: number;
  intent_accuracy: number;
  wait_until_n: number;
  wait_until_accuracy: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const REFERENCE_DAY = '2026-11-10';
const AS_OF = '2026-11-20';

/** A minimal lead with the utterance as the customer's last word (a rep's call note for rep notes), after our quote email. */
export function utteranceLead(u: Utterance): Lead {
  const repNote = u.register === 'rep_note';
  return {
    id: `U-${u.id}`, created_at: '2026-10-01T09:00:00Z', source: 'web_form',
    contact: { name: 'Eval Customer', email: 'eval@example.org', phone: '+385 91 555 0101', language: null },
    consent: { email: true, phone: true, opted_out_at: null, erasure_requested_at: null },
    service: { type: 'moving', origin: 'Zagreb', destination: 'Munich', date: null, date_flexibility: null, size: null, volume_m3: null },
    quotes: [{ id: 'Q1', sent_at: '2026-10-20T10:00:00Z', amount: 2400, currency: 'EUR', valid_until: null, status: 'sent' }],
    activities: [
      { at: '2026-10-20T10:00:00Z', channel: 'email', direction: 'outbound', author: 'rep', outcome: 'sent', text: 'Please find our quote attached.' },
      repNote
        ? { at: `${REFERENCE_DAY}T10:00:00Z`, channel: 'call', direction: 'outbound', author: 'rep', outcome: 'answered', text: u.text }
        : { at: `${REFERENCE_DAY}T10:00:00Z`, channel: u.register === 'sms' ? 'sms' : 'email', direction: 'inbound', author: 'customer', outcome: null, text: u.text },
    ],
    status: 'quoted', lost_reason: null, owner: 'eval', value_estimate: null, tags: [], duplicate_of: null, label: null,
  } as Lead;
}

export function evaluateUtterance(compiled: CompiledRuleset, u: Utterance): UtteranceOutcome {
  const features = computeFeatures(utteranceLead(u), AS_OF);
  const d = decide(compiled, features, { trace: 'compact' });
  const reasons = d.reasons.map((r) => r.code);
  const reading = d.texts?.texts.find((t) => t.activity_index === 1 && t.source === 'text');
  let top: { intent: string; score: number } | null = null;
  for (const s of reading?.sentences ?? []) if (!top || s.score > top.score) top = { intent: s.intent, score: s.score };
  const recontact = features.values.recontact_requested_date;
  return {
    id: u.id, lang: u.lang, gold: u.intent, register: u.register ?? null, decision: d.decision, reasons,
    read_as_dnc: d.decision === 'do_not_contact' && reasons.some((r) => DNC_REASONS.has(r)),
    unread: reasons.includes('unread_customer_message'),
    detected_language: detectLanguage(u.text).language,
    top_intent: top?.intent ?? null,
    wait_until: u.wait_until ?? null,
    recontact_found: typeof recontact === 'string' ? recontact : null,
  };
}

function figures(outcomes: UtteranceOutcome[]): LanguageFigures {
  const dnc = outcomes.filter((o) => DNC_INTENTS.has(o.gold));
  const readDnc = outcomes.filter((o) => o.read_as_dnc);
  const pos = outcomes.filter((o) => POSITIVE_OR_NEUTRAL.has(o.gold));
  const waits = outcomes.filter((o) => o.wait_until);
  return {
    n: outcomes.length,
    dnc_n: dnc.length,
    dnc_recall: ratio(dnc.filter((o) => o.read_as_dnc).length, dnc.length),
    dnc_blocked_recall: ratio(dnc.filter((o) => o.read_as_dnc || o.unread).length, dnc.length),
    dnc_precision: ratio(readDnc.filter((o) => DNC_INTENTS.has(o.gold)).length, readDnc.length),
    positive_neutral_n: pos.length,
    false_refusal_rate: ratio(pos.filter((o) => o.read_as_dnc).length, pos.length),
    unread_rate: ratio(outcomes.filter((o) => o.unread).length, outcomes.length) ?? 0,
    language_accuracy: ratio(outcomes.filter((o) => o.detected_language === o.lang).length, outcomes.length) ?? 0,
    language_group_accuracy: ratio(outcomes.filter((o) => o.detected_language !== null && languageGroup(o.detected_language) === languageGroup(o.lang)).length, outcomes.length) ?? 0,
    intent_accuracy: ratio(outcomes.filter((o) => o.top_intent === o.gold).length, outcomes.length) ?? 0,
    wait_until_n: waits.length,
    wait_until_accuracy: ratio(waits.filter((o) => o.recontact_found === o.wait_until).length, waits.length),
  };
}

export interface UtteranceReport { by_language: Record<string, LanguageFigures>; all: LanguageFigures; outcomes: UtteranceOutcome[] }

export function evaluateUtterances(compiled: CompiledRuleset, utterances: readonly Utterance[]): UtteranceReport {
  const outcomes = [...utterances].sort((a, b) => (a.id < b.id ? -1 : 1)).map((u) => evaluateUtterance(compiled, u));
  const by_language: Record<string, LanguageFigures> = {};
  for (const lang of [...new Set(outcomes.map((o) => o.lang))].sort()) by_language[lang] = figures(outcomes.filter((o) => o.lang === lang));
  return { by_language, all: figures(outcomes), outcomes };
}

export interface LabelledLead { lead: Lead; eval_lang?: string | null; eval_note?: string | null }
export interface LeadOutcome { id: string; lang: string | null; gold: string; gold_reasons: string[]; decision: string; reasons: string[]; critical: boolean; note: string | null }
export interface LeadSetFigures {
  n: number; critical_n: number;
  /** Compliance-critical leads (a hard-block gold reason) that did not get do_not_contact. */
  critical_missed: number;
  dnc_precision: number | null; dnc_recall: number | null; decision_accuracy: number | null;
  unread_gold_n: number; unread_found: number;
}
export interface LeadSetReport { all: LeadSetFigures; by_language: Record<string, LeadSetFigures>; outcomes: LeadOutcome[] }

function leadFigures(outcomes: LeadOutcome[]): LeadSetFigures {
  const critical = outcomes.filter((o) => o.critical);
  const predDnc = outcomes.filter((o) => o.decision === 'do_not_contact');
  const goldDnc = outcomes.filter((o) => o.gold === 'do_not_contact');
  const unreadGold = outcomes.filter((o) => o.gold_reasons.includes('unread_customer_message'));
  return {
    n: outcomes.length, critical_n: critical.length,
    critical_missed: critical.filter((o) => o.decision !== 'do_not_contact').length,
    dnc_precision: ratio(predDnc.filter((o) => o.gold === 'do_not_contact').length, predDnc.length),
    dnc_recall: ratio(goldDnc.filter((o) => o.decision === 'do_not_contact').length, goldDnc.length),
    decision_accuracy: ratio(outcomes.filter((o) => o.decision === o.gold).length, outcomes.length),
    unread_gold_n: unreadGold.length,
    unread_found: unreadGold.filter((o) => o.reasons.includes('unread_customer_message')).length,
  };
}

export function evaluateLeadSet(compiled: CompiledRuleset, leads: readonly LabelledLead[], asOf: string): LeadSetReport {
  const index = buildDatasetIndex(leads.map((l) => l.lead));
  const outcomes: LeadOutcome[] = [];
  for (const { lead, eval_lang, eval_note } of leads) {
    if (!lead.label) continue;
    const d = decide(compiled, computeFeatures(lead, asOf, index), { trace: 'compact' });
    const c = lead.consent;
    const flagged = (c?.email === false && c?.phone === false) || !!c?.opted_out_at || !!c?.erasure_requested_at;
    outcomes.push({
      id: lead.id, lang: eval_lang ?? null, gold: lead.label.decision, gold_reasons: lead.label.reasons, decision: d.decision,
      reasons: d.reasons.map((r) => r.code), critical: flagged || lead.label.reasons.some((r) => HARD_REASONS.has(r)), note: eval_note ?? null,
    });
  }
  const by_language: Record<string, LeadSetFigures> = {};
  for (const lang of [...new Set(outcomes.map((o) => o.lang ?? '?'))].sort()) by_language[lang] = leadFigures(outcomes.filter((o) => (o.lang ?? '?') === lang));
  return { all: leadFigures(outcomes), by_language, outcomes };
}
