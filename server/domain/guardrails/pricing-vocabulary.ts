/**
 * The vocabulary of price changes in the languages drafts are written in (en, de, hr), as word
 * families rather than fixed phrases: a pricing promise is a price word (price, fee, deposit,
 * Preis, Gebühr, cijena, naknada...) or a money amount in the same clause as a word that changes
 * it (off, lower, waive, match, guarantee, statt, entfällt, umjesto, spustiti...). Stems end in
 * `*` and take any ending, so Croatian and German inflections need no list of their own.
 */

/** Letters in any script; `\b` in JavaScript only knows ASCII letters (it splits "smanjiti" at "ž"). */
const START = '(?<![\\p{L}\\p{M}\\d])';
const END = '(?![\\p{L}\\p{M}\\d])';

/** One regex over word families: `disc*` matches discount, discounts, discounted. Spaces match any run of spaces. */
export function vocab(...terms: string[]): RegExp {
  // Only a `*` after a letter is a stem mark; `\p{L}*` stays a regex quantifier.
  const alternatives = terms.map((t) => t.replace(/(?<=\p{L})\*/gu, '[\\p{L}\\p{M}]*').replace(/ /g, '\\s+'));
  return new RegExp(`${START}(?:${alternatives.join('|')})${END}`, 'iu');
}

/** What a price is called: the thing a promise would change. */
export const PRICE_NOUN = vocab(
  'price*', 'pricing', 'quote*', 'quotation*', 'cost*', 'rates?', 'total', 'fees?', 'bill', 'invoice*', 'charge*', 'tariff*', 'amount',
  'preis*', '\\p{L}*preis*', 'angebot*', 'kosten', '\\p{L}*kosten', 'betrag*', 'rechnung*', 'summe', 'gebühr*', '\\p{L}*gebühr*', 'pauschale*', '\\p{L}*pauschale*',
  'cijen*', 'ponud*', 'iznos*', 'trošk*', 'troškov*', 'račun*', 'naknad*', 'tarif*',
);

/** Charges a customer might be let off: fees, deposits, surcharges, call-outs. */
export const FEE_NOUN = vocab(
  'fees?', 'deposits?', 'surcharges?', 'call-?out (?:charge|fee)s?', 'charge for', 'cancellation', 'booking charge*', 'travel cost*', 'survey cost*',
  'gebühr*', '\\p{L}*gebühr*', '\\p{L}*pauschale*', 'anzahlung*', 'kaution*', 'zuschlag*', '\\p{L}*zuschlag*', 'aufpreis*', '\\p{L}*kosten',
  'naknad*', 'polog*', 'depozit*', 'doplat*', 'taks*', 'akontacij*', 'predujm*', 'trošak dolaska', 'troškov* dolaska',
);

/** Words that make a price smaller. */
export const REDUCTION = vocab(
  'off', 'less', 'cheaper', 'discount*', 'reduc*', 'lower*', 'cut*', 'knock*', 'shave*', 'save', 'saving*', 'deduct*', 'rebate*', 'markdown*', 'slash*',
  'come down', 'bring* (?:it |the price |that |this )?down', 'take (?:\\S+ ){0,3}off', 'price drop',
  'rabatt*', '\\p{L}*rabatt*', 'nachlass*', '\\p{L}*nachlass*', 'ermäßig*', 'günstiger*', 'billiger*', 'weniger', 'abzieh*', 'ziehen (?:\\S+ ){0,6}ab', 'abgezogen',
  'sparen', 'spart', 'gespart', 'erspar*', 'reduzier*', 'senk*', 'gesenkt', 'abschlag*', 'skonto', 'entgegenkomm*', 'kommen (?:\\S+ ){0,6}entgegen', 'runter',
  'popust*', 'jeftinij*', 'manje', 'sniz*', 'sniž*', 'spust*', 'smanj*', 'ušted*', 'uštedj*', 'umanj*', 'niž*', 'povoljnij*',
);

/** "only 2,000" is a price cue; "just checking" is not. */
const BEFORE_FIGURE = (words: string[]) => words.map((w) => `${w}(?=\\s*[€$£]?\\s?\\d)`);

/** Verbs and adjectives that lower a price when they stand next to one: "lower the price", "reduce your quote", "sniziti cijenu". */
export const REDUCE_WORD = vocab(
  'lower*', 'reduc*', 'cut', 'cutting', 'drop', 'decrease*', 'discount*', 'cheaper', 'slash*',
  'reduzier*', 'senk*', 'günstiger*', 'billiger*', 'ermäßig*',
  'sniz*', 'sniž*', 'spust*', 'smanj*', 'umanj*', 'jeftinij*', 'povoljnij*', 'niž*',
);
/** The same said after the price: "the price is reduced", "Preis gesenkt", "cijena će biti niža". */
export const REDUCED_AFTER = vocab('reduced', 'lowered', 'cut', 'dropped', 'slashed', 'gesenkt', 'reduziert', 'ermäßigt', 'günstiger', 'billiger', 'snižen*', 'spušten*', 'smanjen*', 'umanjen*', 'niž*', 'jeftinij*');

/** Cues that a figure is a new price in place of the quoted one. */
export const CHANGE_CUE = vocab(
  'instead of', 'rather than', 'in place of', 'new (?:price|total|quote|rate|amount|figure|offer)', 'down to', '(?:for|at) (?:only|just)', ...BEFORE_FIGURE(['only', 'just', 'merely']),
  "(?:can|could|would|will|'ll|'d) (?:\\S+ ){0,4}(?:for|at)", "(?:can|could|would|will|'ll|'d) (?:\\S+ ){0,2}(?:be|come to|cost)", 'comes? to',
  "call it", "let'?s say", 'make it', 'settle (?:on|for)', 'all-? ?in', '(?:a |we have a |it.s a )deal',
  // A preposition right before a figure that is not the quote: "for 2,000 EUR", "für 5.000 EUR", "za 2.900 EUR".
  ...BEFORE_FIGURE(['for', 'at', 'für', 'um', 'zu', 'za', 'po']),
  'statt', 'anstatt', 'anstelle', 'stattdessen', 'neue[rn]? (?:preis|gesamtpreis|betrag|summe)', 'nur noch', 'für nur', ...BEFORE_FIGURE(['nur']),
  '(?:können|könnten|würden|werden) (?:\\S+ ){0,6}(?:für|zu)', 'entgegen*', '(?:kann|könnte|würde|wird) (?:\\S+ ){0,4}(?:sein|kosten|betragen)', 'kostet', 'kosten würde',
  'umjesto', 'nov[aiu] (?:cijen*|iznos*|ukupn*)', 'za samo', ...BEFORE_FIGURE(['samo']), '(?:možemo|mogli bismo|moći ćemo|ćemo|bismo) (?:\\S+ ){0,5}za', 'mo(?:že|gla bi|gao bi|glo bi)\\p{L}* (?:\\S+ ){0,2}(?:biti|koštati|iznositi)', 'bi (?:\\S+ ){0,2}(?:bila|bilo|bio|koštala|koštalo|iznosila|iznosilo)', 'košta',
);

/** Letting a customer off a charge. */
export const WAIVE = vocab(
  'waiv*', 'drop*', 'scrap*', "(?:we'll|we will|we can|we could) cover", 'absorb*', 'forget about', 'on us', 'no charge', 'free',
  "(?:won't|will not|wouldn't|don't|do not|not) (?:\\S+ ){0,2}(?:charge*|bill*|cost*)", '(?:not|never) (?:be )?charged',
  'entfällt', 'entfallen', 'erlass*', 'verzicht*', 'streich*', 'übernehmen wir', 'übernehmen', 'berechnen (?:\\S+ ){0,3}nicht', 'nicht berechne*', 'keine', 'ohne',
  'otpis*', 'oprost*', 'ukid*', 'ukin*', 'ne naplać*', 'neće* (?:\\S+ ){0,2}naplat*', 'nećemo (?:\\S+ ){0,2}naplat*', 'bez', 'nema',
);

/** Promising to price at the customer's budget. */
export const MEETS_BUDGET = vocab(
  '(?:meet|fit|hit|match|work with|stay (?:within|under|inside)|keep (?:it )?(?:within|under)|come in (?:at|under)) (?:\\S+ ){0,2}budget', 'within (?:\\S+ ){0,2}budget',
  'budget (?:\\S+ ){0,4}(?:einhalten|treffen|erfüllen|bleiben|unterbieten)', 'im (?:\\S+ ){0,2}budget', 'innerhalb (?:\\S+ ){0,2}budgets',
  'uklop\\p{L}* (?:\\S+ ){0,3}budžet\\p{L}*', 'unutar (?:\\S+ ){0,2}budžet\\p{L}*', 'u (?:okviru |granicama )?(?:vašeg )?budžet\\p{L}*',
);

/** Charging nothing, said without naming a fee: "we won't charge you for the survey". */
export const NOT_CHARGED = vocab(
  "(?:won't|will not|wouldn't|don't|do not|need not|not) (?:\\S+ ){0,2}(?:charge|bill) you", "(?:no|there's no|there is no) (?:\\S+ ){0,2}(?:fees?|charges?|deposits?|surcharges?)",
  'kein\\p{L}* (?:\\S+ ){0,2}(?:gebühr|anzahlung|zuschlag|pauschale|aufpreis|kaution)\\p{L}*', 'bez (?:\\S+ ){0,2}(?:naknad|polog|depozit|doplat|akontacij)\\p{L}*', 'no need to pay', "(?:won't|will not|don't) (?:have|need) to pay",
  '(?:berechnen|verrechnen) (?:\\S+ ){0,3}nicht', 'nicht (?:\\S+ ){0,2}(?:berechne*|verrechne*|in rechnung)', 'müssen (?:\\S+ ){0,3}nicht (?:be)?zahlen', 'nichts (?:be)?zahlen',
  '(?:nećemo|ne ćemo|nećemo vam|ne) (?:\\S+ ){0,2}(?:naplatiti|naplaćivati|zaračunati)', 'ne naplaćujemo', 'nećete (?:\\S+ ){0,2}(?:platiti|plaćati)',
);

/** Something for nothing. */
export const FREE = vocab(
  'for free', 'free of charge', 'free', 'at no (?:extra |additional )?(?:cost|charge)', 'no (?:extra |additional )?(?:cost|charge)', 'without (?:extra |additional )?(?:cost|charge)',
  'complimentary', 'on the house', 'on us', 'throw* in', 'thrown in', 'at our expense', "(?:we'll|we will) cover (?:the cost|it)",
  'kostenl*', 'gratis', 'umsonst', 'geschenkt', 'schenken', 'ohne (?:berechnung|aufpreis|zusatzkosten|mehrkosten|kosten|extrakosten)', 'auf unsere kosten', 'geht auf uns', 'inklusive ohne',
  'besplatn*', 'na naš račun', 'o našem trošku', 'bez (?:dodatn\\p{L}* |ikakv\\p{L}* )?(?:troškov\\p{L}*|naknad\\p{L}*|doplat\\p{L}*|naplat\\p{L}*)', 'poklanjamo', 'na poklon', 'poklon',
);
/** "free" that is not about money: "feel free", "free to call", "a free date". */
export const FREE_NOT_MONEY = vocab(
  'feel free', 'free to', 'free (?:date|dates|slot|slots|day|days|time|weekend)', 'toll-?free', 'free yourself', 'hands-?free',
  '\\p{L}+-free', 'free (?:from|of (?:damage|stress|worry|hassle))', 'free up',
);

/** Matching or beating another price. */
export const MATCH = vocab('match*', 'beat*', 'undercut*', 'meet* (?:their|that|the|any) (?:price|quote|offer)', 'unterbiet*', 'anglei*', 'anpass*', 'mitgeh*', 'gleichzieh*', 'izjednač*', 'pobijedit*', 'pobij*', 'nadmaš*');
export const COMPARED = vocab('cheaper', 'lower', 'better', 'competitor*', 'other (?:mover*|compan*|firm*|offer*|quote*)', 'günstiger*', 'billiger*', 'konkurren*', 'anderer? anbieter*', 'jeftinij*', 'povoljnij*', 'niž*', 'konkurencij*', 'drug[aeiou]\\p{L}* (?:ponud*|firm*|tvrtk*)');

/** Promising a price will hold. */
// Not "promise": "I promise to send the quote" keeps no price; a promised price is caught by PRICE_HOLDS.
export const GUARANTEE = vocab('guarante*', 'lock*', 'freez*', 'frozen', 'fixed', 'garantier*', 'garantie*', 'zusicher*', 'festschreib*', 'festgeschrieben', 'jamč*', 'jamstv*', 'garantir*', 'zajamč*');
export const PRICE_HOLDS = vocab(
  'no price (?:increase|rise|change)', "price (?:will|won't|will not|is going to) (?:stay|remain|not change|not go up|not rise)", 'price (?:stays|remains) (?:the same|fixed|unchanged)', 'same price',
  'preis (?:\\S+ ){0,4}(?:gleich bleibt|bleibt gleich|stabil|unverändert|fix)', 'gleichen preis',
  'cijen\\p{L}* (?:\\S+ ){0,3}(?:ostati ista|ostaje ista|neće (?:se )?promijeniti|neće rasti)', 'ist\\p{L}* cijen\\p{L}*',
);

/** Percent figures. */
export const PERCENT = /(?<![\p{L}\d])\d{1,3}(?:[.,]\d)?\s?(?:%|percent|per cent|prozent|posto|postot\p{L}*)(?![\p{L}\d])/iu;

/** Negation that takes a promise back ("I cannot offer a discount", "kann ich leider nicht anbieten"). */
export const CLAUSE_NEGATION = vocab('not', "\\p{L}+n[’']t", 'cannot', 'unable', 'never', 'unfortunately', 'nicht', 'leider', 'nie', 'ne', 'nažalost', 'nismo', 'nije', 'nikad', 'ne možemo', 'nemoguće');
/** "no discount", "kein Rabatt", "bez popusta": a negation right before the promised thing. */
export const NEGATED_NOUN = /(?:^|[^\p{L}])(?:no|kein\p{L}*|ohne|bez|nema)\s+(?:\p{L}+\s+)?$/iu;
