/**
 * Text understanding per language, at lead level (issue 10): for the leads whose customer texts
 * are in a language, the do-not-contact precision and recall of the decisions, false refusals
 * (leads labeled contact or wait that were decided do_not_contact) and the unread rate (leads
 * decided do_not_contact / unread_customer_message). One implementation for evaluation runs,
 * `npm run eval` and the rules preview.
 *
 * The language of a lead is the most frequent detected language (eld) of the customer's own read
 * texts; without any, of the rep's notes; `unknown` when nothing was read or eld cannot tell (an
 * unsupported language counts only when eld is sure of it: reliable, long enough, no supported
 * language close behind).
 */
import type { RuleDecision } from '../decision.ts';
import type { Decision } from '../lead.ts';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/language.ts';

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGUAGES);

export const UNKNOWN_LANGUAGE = 'unknown';

export interface LanguageMetrics {
  leads: number;
  labeled: number;
  /** Of the labeled leads; null when no lead of the language was predicted / labeled do_not_contact. */
  dnc_precision: number | null;
  dnc_recall: number | null;
  /** Leads labeled contact or wait that were decided do_not_contact, and their share of those labeled contact or wait. */
  false_refusals: number;
  false_refusal_rate: number | null;
  /** Leads decided do_not_contact because a customer text could not be read (unread_customer_message), and their share of the leads. */
  unread: number;
  unread_rate: number;
}

export interface LanguageRow { text_language?: string | null; decision: Decision; gold: Decision | null; reasons?: string[] }

/** The language of a decided lead's customer texts (see the module comment). */
export function textLanguageOf(decision: Pick<RuleDecision, 'texts'>): string {
  const texts = decision.texts?.texts ?? [];
  for (const speaker of ['customer', 'rep_note'] as const) {
    const counts = new Map<string, number>();
    for (const t of texts) {
      if (!t.read || t.speaker !== speaker) continue;
      const detected = detectLanguage(t.excerpt);
      // An unsupported language counts only when the detector is sure of it (as for failing
      // closed); a short text eld calls Estonian or Tagalog tells nothing.
      const lang = detected.language !== null && (SUPPORTED.has(detected.language) || !detected.supported) ? detected.language : null;
      if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
    }
    // Most frequent, ties by code: deterministic.
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) return best[0];
  }
  return UNKNOWN_LANGUAGE;
}

const precisionOf = (tp: number, fp: number) => (tp + fp ? tp / (tp + fp) : null);
const recallOf = (tp: number, fn: number) => (tp + fn ? tp / (tp + fn) : null);
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);

export function languageMetrics(rows: readonly LanguageRow[]): Record<string, LanguageMetrics> {
  const acc = new Map<string, { leads: number; labeled: number; tp: number; fp: number; fn: number; positive: number; false_refusals: number; unread: number }>();
  for (const r of rows) {
    const lang = r.text_language || UNKNOWN_LANGUAGE;
    let a = acc.get(lang);
    if (!a) acc.set(lang, (a = { leads: 0, labeled: 0, tp: 0, fp: 0, fn: 0, positive: 0, false_refusals: 0, unread: 0 }));
    a.leads++;
    const dnc = r.decision === 'do_not_contact';
    if (dnc && r.reasons?.includes('unread_customer_message')) a.unread++;
    if (!r.gold) continue;
    a.labeled++;
    const goldDnc = r.gold === 'do_not_contact';
    if (dnc && goldDnc) a.tp++;
    else if (dnc) a.fp++;
    else if (goldDnc) a.fn++;
    if (r.gold === 'contact' || r.gold === 'wait') {
      a.positive++;
      if (dnc) a.false_refusals++;
    }
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
  return Object.fromEntries([...acc].sort(([x], [y]) => (x < y ? -1 : 1)).map(([lang, a]) => [lang, {
    leads: a.leads,
    labeled: a.labeled,
    dnc_precision: round(precisionOf(a.tp, a.fp)),
    dnc_recall: round(recallOf(a.tp, a.fn)),
    false_refusals: a.false_refusals,
    false_refusal_rate: ratio(a.false_refusals, a.positive),
    unread: a.unread,
    unread_rate: ratio(a.unread, a.leads) ?? 0,
  }]));
}
