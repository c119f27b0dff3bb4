/**
 * What the lead record supports, gathered once per grounding call: the dates, amounts,
 * quantities, names and words found in its fields AND in the free text of its activities
 * (a date a customer wrote in a note supports a draft mentioning it; a relative date in a note
 * is read against the note's own date).
 */
import type { Lead } from '../lead.ts';
import { type DayRange, exactDay } from './date-range.ts';
import { extractAmounts } from './extract-amounts.ts';
import { extractDates } from './extract-dates.ts';
import { type QuantityUnit, extractQuantities } from './extract-quantities.ts';
import { fold, toDay, words } from './text-utils.ts';

export interface RecordText {
  /** Where it came from, for explanations: "activities[2].text", "lost_reason". */
  source: string;
  text: string;
  at: Date | null;
}

export interface RecordFacts {
  texts: RecordText[];
  dates: { range: DayRange; source: string }[];
  amounts: { value: number; currency: string | null; source: string }[];
  quantities: { value: number; unit: QuantityUnit; source: string }[];
  /** Folded name tokens of the contact, the owner and activity authors. */
  personNames: Set<string>;
  /** Folded words of every field and text of the record, for "is this mentioned anywhere?". */
  words: Set<string>;
  /** Folded, space-joined record text, for phrase look-ups. */
  joined: string;
  currency: string | null;
}

/** "rep:marko.k" -> ["marko", "k"]; "Ana Horvat" -> ["ana", "horvat"]. */
export function personTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  return words(value.replace(/^(rep|user|agent|system|bot)\s*:/i, '')).filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

export function recordTexts(lead: Lead): RecordText[] {
  const texts: RecordText[] = [];
  const fallbackAt = toDay(lead.created_at);
  (lead.activities ?? []).forEach((a, i) => {
    if (a?.text) texts.push({ source: `activities[${i}].text`, text: a.text, at: toDay(a.at) ?? fallbackAt });
  });
  if (lead.lost_reason) texts.push({ source: 'lost_reason', text: lead.lost_reason, at: null });
  const s = lead.service;
  const fieldText = [s?.type, s?.origin, s?.destination, s?.size, lead.source, ...(lead.tags ?? [])].filter(Boolean).join(' . ');
  if (fieldText) texts.push({ source: 'service', text: fieldText, at: fallbackAt });
  return texts;
}

function fieldDates(lead: Lead): { range: DayRange; source: string }[] {
  const out: { range: DayRange; source: string }[] = [];
  const push = (value: string | null | undefined, source: string) => {
    const d = toDay(value);
    if (d) out.push({ range: exactDay(d), source });
  };
  push(lead.service?.date, 'service.date');
  push(lead.created_at, 'created_at');
  (lead.quotes ?? []).forEach((q, i) => {
    push(q?.sent_at, `quotes[${i}].sent_at`);
    push(q?.valid_until, `quotes[${i}].valid_until`);
  });
  (lead.activities ?? []).forEach((a, i) => push(a?.at, `activities[${i}].at`));
  return out;
}

// Budgets in notes are often written without a currency ("budget is max 2000").
const BUDGET = /\b(budget|budžet|max(?:imum)?|höchstens|maksimalno|up to|bis zu)\b[^.\n\d]{0,20}(\d[\d.,']*)/giu;

export function buildRecordFacts(lead: Lead, asOf: Date): RecordFacts {
  const texts = recordTexts(lead);
  const currency = lead.quotes?.find((q) => q?.currency)?.currency?.toUpperCase() ?? null;
  const dates = fieldDates(lead);
  const amounts: RecordFacts['amounts'] = [];
  const quantities: RecordFacts['quantities'] = [];
  (lead.quotes ?? []).forEach((q, i) => {
    if (typeof q?.amount === 'number') amounts.push({ value: q.amount, currency: q.currency?.toUpperCase() ?? null, source: `quotes[${i}].amount` });
  });
  if (typeof lead.value_estimate === 'number') amounts.push({ value: lead.value_estimate, currency, source: 'value_estimate' });
  if (typeof lead.service?.volume_m3 === 'number') quantities.push({ value: lead.service.volume_m3, unit: 'volume_m3', source: 'service.volume_m3' });

  for (const t of texts) {
    for (const m of extractDates(t.text, t.at ?? asOf)) for (const range of m.candidates) dates.push({ range, source: t.source });
    for (const a of extractAmounts(t.text)) amounts.push({ value: a.value, currency: a.currency ?? currency, source: t.source });
    for (const m of t.text.matchAll(BUDGET)) {
      const value = Number(m[2].replace(/[.,'](?=\d{3}\b)/g, '').replace(',', '.'));
      if (Number.isFinite(value) && value >= 50) amounts.push({ value, currency, source: t.source });
    }
    for (const q of extractQuantities(t.text)) quantities.push({ value: q.value, unit: q.unit, source: t.source });
  }

  const personNames = new Set<string>([
    ...personTokens(lead.contact?.name),
    ...personTokens(lead.owner),
    ...(lead.activities ?? []).flatMap((a) => personTokens(a?.author)),
  ]);
  const allText = [
    ...texts.map((t) => t.text),
    lead.contact?.name,
    lead.owner,
    ...(lead.activities ?? []).map((a) => a?.author),
  ].filter(Boolean).join(' \n ');
  return { texts, dates, amounts, quantities, personNames, words: new Set(words(allText)), joined: ` ${words(allText).join(' ')} `, currency };
}

/** Is this phrase (any case, any diacritics) written somewhere in the record? */
export function recordMentions(facts: RecordFacts, phrase: string): boolean {
  const w = words(phrase);
  return w.length > 0 && facts.joined.includes(` ${w.join(' ')} `);
}

export { fold };
