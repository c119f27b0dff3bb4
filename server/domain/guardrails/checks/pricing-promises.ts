/**
 * Pricing promises a rep may not make in a draft, in any words: a new price in place of the quoted
 * one, money or percentages off, waived fees, free extras, price matching, price guarantees or
 * locks, "best price", honouring an old price. Only a new written quote can change a price, so a
 * text with one is never approved, whatever the reviewer acknowledges.
 *
 * Each rule reads one clause at a time and pairs word families (pricing-vocabulary.ts): a price
 * word or a money amount together with a word that changes it. A negation in the same clause
 * ("I cannot offer a discount", "einen Nachlass kann ich leider nicht anbieten") takes it back.
 */
import { type AmountMention, extractAmounts } from '../extract-amounts.ts';
import {
  CHANGE_CUE, CLAUSE_NEGATION, COMPARED, FEE_NOUN, FREE, FREE_NOT_MONEY, GUARANTEE, MATCH, NEGATED_NOUN, NOT_CHARGED,
  MEETS_BUDGET, PERCENT, PRICE_HOLDS, PRICE_NOUN, REDUCE_WORD, REDUCED_AFTER, REDUCTION, vocab, WAIVE,
} from '../pricing-vocabulary.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

interface Clause {
  text: string;
  ctx: GroundingContext;
  /** Memos: several rules read the clause's amounts and its money text. */
  amounts?: AmountMention[];
  money?: string;
}

/** A rule returns the words that make the promise, or null. */
type Rule = { what: string; find: (c: Clause) => RegExpMatchArray | null };

const DISCOUNT_NOUN = vocab(
  'discount*', 'rebate*', 'markdown*', 'special (?:price|rate|offer|deal)', 'reduced (?:price|rate)', 'price reduction', 'price cut',
  'rabatt*', '\\p{L}*rabatt*', 'preisnachlass*', 'nachlass*', 'sonderpreis*', 'sonderangebot*', 'ermäßigung*', 'skonto',
  'popust*', 'sniženj*', 'posebn\\p{L}* cijen\\p{L}*', 'povoljnij\\p{L}* cijen\\p{L}*', 'akcij\\p{L}* cijen\\p{L}*',
);
const BEST_PRICE = vocab('best price', 'lowest price', 'best rate', 'best deal', 'cheapest', 'unbeatable', 'beste[nr]? preis*', 'günstigste[nr]? (?:preis|angebot)', 'unschlagbar*', 'najbolj\\p{L}* cijen\\p{L}*', 'najniž\\p{L}* cijen\\p{L}*', 'najpovoljnij*');
const HONOUR_OLD = vocab(
  'honou?r (?:the |your |our )?(?:old |original |previous |same |earlier |expired )?(?:price|quote|rate|offer)', '(?:extend|renew)(?:ed)? (?:the |your )?(?:quote|offer|price)', 'same price as (?:before|last time)',
  '(?:alte[n]?|ursprüngliche[n]?|abgelaufene[n]?) (?:preis|angebot) (?:\\S+ ){0,3}(?:halten|gilt|gelten)', 'produž\\p{L}* (?:\\S+ ){0,2}ponud\\p{L}*', 'stara cijena vrijedi',
);

const amounts = (c: Clause) => (c.amounts ??= extractAmounts(c.text));
const isQuoted = (c: Clause, value: number) => (c.ctx.lead.quotes ?? []).some((q) => q?.amount != null && Math.abs(q.amount - value) <= 0.5);
/** The clause without "feel free", "free to", "a free date": uses of free that are not about money. */
const FREE_NOT_MONEY_ALL = new RegExp(FREE_NOT_MONEY.source, 'giu'); // replace() starts it at 0 and leaves it at 0
const moneyText = (c: Clause) => (c.money ??= c.text.replace(FREE_NOT_MONEY_ALL, (m) => ' '.repeat(m.length)));
/** The global ('giu') copy of a vocabulary pattern, built once per pattern (matchAll scans a copy of it). */
const globalCopies = new Map<RegExp, RegExp>();
function globalCopy(words: RegExp): RegExp {
  let re = globalCopies.get(words);
  if (!re) globalCopies.set(words, (re = new RegExp(words.source, 'giu')));
  return re;
}
/**
 * A reduction word right beside a figure that is not the quoted price: "knock 300 euros off",
 * "save 200 EUR", "spustit ćemo cijenu za 300 eura"; not "the 2,450 EUR quote covers carrying
 * everything off the 3rd floor".
 */
function nearAmount(c: Clause, words: RegExp): RegExpMatchArray | null {
  const figures = amounts(c);
  if (!figures.length) return null;
  for (const m of c.text.matchAll(globalCopy(words))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const near = figures.some((f) =>
      isQuoted(c, f.value)
        ? f.index > end && f.index - end <= 6 // "off the 2,450 EUR": taken off the quoted price itself
        : f.index + f.text.length >= start - NEAR && f.index <= end + NEAR,
    );
    if (near) return m;
  }
  return null;
}
const NEAR = 20;
// "lower the price", "reduce your quote", "Preis senken", "sniziti cijenu"; "the price is reduced", "cijena će biti niža".
const LOWERED_PRICE = new RegExp(`(?:${REDUCE_WORD.source})(?:\\s+\\S+){0,2}?\\s+(?:${PRICE_NOUN.source})|(?:${PRICE_NOUN.source})(?:\\s+\\S+){0,2}?\\s+(?:${REDUCED_AFTER.source})`, 'iu');
const both = (a: RegExp, b: RegExp) => (c: Clause) => (b.test(c.text) ? c.text.match(a) : null);

const RULES: Rule[] = [
  { what: 'a percentage off', find: (c) => (REDUCTION.test(c.text) || PRICE_NOUN.test(c.text) ? c.text.match(PERCENT) : null) },
  { what: 'money off the price', find: (c) => nearAmount(c, REDUCTION) },
  {
    what: 'a new price',
    // A figure that is not the quoted amount, said as what the customer would pay: "for 2,000 EUR instead of 2,650".
    find: (c) => (amounts(c).some((a) => !isQuoted(c, a.value)) ? c.text.match(CHANGE_CUE) : null) ?? c.text.match(MEETS_BUDGET),
  },
  { what: 'a discount or special price', find: (c) => c.text.match(DISCOUNT_NOUN) },
  { what: 'a lower price', find: (c) => c.text.match(LOWERED_PRICE) },
  { what: 'a waived fee', find: (c) => c.text.match(NOT_CHARGED) ?? (FEE_NOUN.test(c.text) ? moneyText(c).match(WAIVE) : null) },
  { what: 'something free', find: (c) => moneyText(c).match(FREE) },
  { what: 'price matching', find: both(MATCH, COMPARED) },
  { what: 'a price guarantee or lock', find: (c) => c.text.match(PRICE_HOLDS) ?? (PRICE_NOUN.test(c.text) ? c.text.match(GUARANTEE) : null) },
  { what: 'the best or lowest price', find: (c) => c.text.match(BEST_PRICE) },
  { what: 'honouring or extending an old price', find: (c) => c.text.match(HONOUR_OLD) },
];

/** Rules whose words a negation cannot take back ("the best price" is a claim either way). */
const NOT_NEGATABLE = new Set(['the best or lowest price']);

/** Sentences, then clauses: "..., but I can explain what is included" starts a new one. */
function clauses(text: string): string[] {
  return text
    .split(/(?<=[!?])\s+|(?<=[.])\s+(?=[\p{Lu}\d])|\n+/u)
    .flatMap((s) => s.split(/;|\s(?:but|however|although|aber|jedoch|allerdings|ali|međutim)\s/iu))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Negated when a negation word is in the clause outside the promise's own words, or "no"/"kein"/"bez" stands right before them. */
function negated(clause: string, match: RegExpMatchArray): boolean {
  const index = match.index ?? 0;
  const before = clause.slice(0, index);
  const rest = `${before} ${clause.slice(index + match[0].length)}`;
  return CLAUSE_NEGATION.test(rest) || NEGATED_NOUN.test(before);
}

export const pricingPromiseCheck: GroundingCheck = {
  id: 'pricing_promises',
  description: 'no new prices, discounts, money or percentages off, waived fees, free extras, price matching, guarantees or best-price claims',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    const parts = clauses(ctx.text).map((text) => ({ text, ctx }));
    for (const rule of RULES) {
      for (const clause of parts) {
        const m = rule.find(clause);
        if (!m) continue;
        if (!NOT_NEGATABLE.has(rule.what) && negated(clause.text, m)) continue;
        issues.push({ kind: 'pricing_promise', text: m[0].trim(), explanation: `Promises ${rule.what}. Only a new written quote can change a price, so this text cannot be approved.` });
        break;
      }
    }
    return dedupe(issues);
  },
};

function dedupe(issues: GroundingIssue[]): GroundingIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.text.toLowerCase()) ? false : (seen.add(i.text.toLowerCase()), true)));
}
