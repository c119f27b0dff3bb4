/**
 * A budget the customer stated: "our budget is 1.800 €", "max 1800", "EUR 1 800 at most",
 * "höchstens 1.500 Euro", "budžet nam je do 1500 eura". A number counts only with a budget word
 * close by ("budget", "max", "afford", ...): an amount with a currency alone is as likely the
 * competitor's price or our own quote being repeated back.
 */
import type { PreparedText } from './prepared-text.ts';

const AMOUNT = String.raw`(?:€|eur|euro|kn|hrk|chf)?\s?(\d{1,3}(?:[.,\s\u00a0]\d{3})+|\d{1,6})(?:[.,](\d{1,2}))?\s?(k\b)?\s?(?:€|eur(?:o|os)?\b|kn\b|kuna\b|hrk\b|chf\b)?`;
const BEFORE_WORDS = String.raw`budget|budzet|max(?:imum|imal|imalno)?|at most|up to|no more than|not more than|afford|(?:can|could|would|willing to) (?:pay|spend)|hochstens|bis zu|nicht mehr als|ausgeben|zahlen|najvise|ne vise od|platiti|potrositi|limit`;
const AFTER_WORDS = String.raw`max(?:imum)?|at most|is (?:our|my) (?:budget|limit|max)|tops|hochstens|maximal|ist (?:unser|mein) budget|najvise|maksimalno`;

// Budget word, then up to 25 characters (e.g. " is around "), then the amount.
const BEFORE = new RegExp(String.raw`(?:${BEFORE_WORDS})[^.!?\n\d]{0,25}?${AMOUNT}`, 'gu');
const AFTER = new RegExp(String.raw`${AMOUNT}\s?(?:${AFTER_WORDS})`, 'gu');
const PREFILTER = /budget|budzet|max|most|up to|more than|afford|pay|spend|hochstens|bis zu|mehr als|ausgeben|zahlen|najvise|vise od|platiti|potrositi|limit|tops/;

export interface BudgetMention {
  amount: number;
  activity_index: number;
  said_on: number | null;
  excerpt: string;
}

/** "1.800" / "1,800" / "1 800" are thousands; "1800,50" has cents; "2k" is 2000. */
export function parseAmount(digits: string, cents: string | undefined, k: string | undefined): number | null {
  const whole = Number(digits.replace(/[.,\s\u00a0]/g, ''));
  if (!Number.isFinite(whole)) return null;
  let amount = whole + (cents ? Number(cents) / 10 ** cents.length : 0);
  if (k) amount *= 1000;
  return amount;
}

function mentionsIn(text: PreparedText): BudgetMention[] {
  const out: BudgetMention[] = [];
  for (const re of [BEFORE, AFTER]) {
    for (const m of text.folded.matchAll(re)) {
      const amount = parseAmount(m[1], m[2], m[3]);
      // Below 50 is a count or a day, above a million a typo or a phone number.
      if (amount === null || amount < 50 || amount > 1_000_000) continue;
      out.push({ amount, activity_index: text.activity_index, said_on: text.said_on, excerpt: text.original.slice(m.index ?? 0, (m.index ?? 0) + m[0].length).trim() });
    }
  }
  return out;
}

/**
 * The latest stated budget: from the newest text that states one (customer texts and rep notes,
 * not outbound emails), its highest figure ("between 1500 and 1800" means up to 1800).
 */
export function findBudget(texts: PreparedText[]): BudgetMention | null {
  let best: BudgetMention | null = null;
  for (const text of texts) {
    if (text.speaker === 'ours' || !PREFILTER.test(text.folded)) continue;
    for (const m of mentionsIn(text)) {
      const newer = (m.said_on ?? -Infinity) > (best?.said_on ?? -Infinity);
      const same = (m.said_on ?? -Infinity) === (best?.said_on ?? -Infinity);
      if (!best || newer || (same && m.amount > best.amount)) best = m;
    }
  }
  return best;
}
