/**
 * Pricing promises a rep may not make in a draft: discounts, price guarantees or locks, price
 * matching, free extras, "best price", honouring an old price, and new prices that are not
 * in the record ("we can do it for 1,900"). Only a new written quote can change a price.
 */
import { extractAmounts } from '../extract-amounts.ts';
import { sentenceAround } from '../text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

/** [pattern, what it promises, may a negation ("we cannot offer a discount") cancel it?] */
const PROMISES: [RegExp, string, boolean][] = [
  [/\b\d{1,3}\s?(%|percent\b|per cent\b|prozent\b|posto\b)[^.\n]{0,30}\b(off|discount|reduction|cheaper|less|rabatt|nachlass|günstiger|popust|jeftinije|manje)\b|\b(discount|rabatt|nachlass|popust|sniženje)\w*\b[^.\n]{0,20}\b\d{1,3}\s?(%|percent|prozent|posto)/i, 'a percentage discount', true],
  [/\b(discount(ed)?|special (price|rate|offer|deal)|reduced (price|rate)|lower (the )?price|price reduction|reduce (the|your) (price|quote)|knock \w+ off|cheaper (price|rate|offer)|rabatt|preisnachlass|sonderpreis|sonderangebot|ermäßigung|günstiger(en)? (preis|angebot)|popust|sni[zž]en[au]? cijen[au]|posebn[au] cijen[au]|povoljnij[au] cijen[au]|ni[zž]a cijena|ni[zž]u cijenu)\b/i, 'a discount or special price', true],
  [/\b(price guarantee|guarantee(d)? (the |your |this |that )?(price|rate|quote)|price (is |will be |stays |remains )?(locked|fixed|frozen|guaranteed)|lock (in )?(the |your |this )?(price|rate|quote)|price freeze|freeze (the|your) price|hold (the|your|this) (price|rate|quote)|keep (the|your) (price|quote) (open|valid|the same)|preisgarantie|garantierte[rn]? preis|festpreis garantiert|preis (bleibt|ist) (garantiert|fix)|zajam[cč]en[au]? cijen[au]|garantiramo (vam )?cijenu|cijena (ostaje|je) (zajam[cč]ena|fiksna|ista))\b/i, 'a price guarantee or lock', true],
  [/\b(honou?r (the |your |our )?(old |original |previous |same |earlier )?(price|quote|rate|offer)|(extend|renew)(ed)? (the |your )?(quote|offer|price)|same price as (before|last time)|(quote|offer|price) (is |will be )?(extended|still valid until)|(das )?(alte[n]?|ursprüngliche[n]?) (preis|angebot) (halten|gilt)|produ[zž](iti|ujemo|it [cć]emo) ponudu)\b/i, 'honouring or extending an old price', true],
  [/\b((match|beat|undercut) (any|their|a|your|the|other)?\s?([\w']+\s){0,2}(price|prices|quote|quotes|offer|offers)|price match(ing)?|unterbieten|preis (angleichen|anpassen) an|izjedna[cč]iti cijenu|pobijediti (bilo koju|njihovu) cijenu)\b/i, 'price matching', true],
  [/\b(for free|free of charge|at no (extra |additional )?(cost|charge)|no extra charge|without (extra|additional) (cost|charge)|complimentary|on the house|free (packing|boxes|storage|cleaning|assembly|disassembly|delivery|insurance|upgrade|survey|extra|moving boxes|pick-?up)|kostenlos\w*|gratis|umsonst|ohne (aufpreis|zusatzkosten|mehrkosten)|inklusive ohne aufpreis|besplatn\w*|bez (dodatnih |ikakvih )?(tro[sš]kova|naknade|doplate))\b/i, 'something free', true],
  [/\b(best price|lowest price|best rate|best deal|cheapest|unbeatable|bester preis|besten preis|günstigste[nr]? (preis|angebot)|unschlagbar|najbolj[au] cijen[au]|najni[zž][au] cijen[au]|najpovoljnij\w*)\b/i, 'the best or lowest price', false],
  [/\b(we|I) (can|could|will|would|'ll|'d) (do|offer|give you|move you|make) (it|this|the move|you|a price|that)?\s*(for|at)\b|\bnew (price|quote|rate|offer) (of|is|would be|at)\b|\b(können|könnten) (wir|es) (ihnen )?(für|zu)\b|\bmo[zž]emo (to )?(napraviti|odraditi|ponuditi) (za|po)\b/i, 'a new price', true],
];

const NEGATION = /\b(not|no|cannot|can't|can ?not|won't|unable|never|kein\w*|nicht|leider|ne|nije|nismo|ne možemo)\b/i;

export const pricingPromiseCheck: GroundingCheck = {
  id: 'pricing_promises',
  description: 'no discounts, price guarantees, price matching, free extras, best-price or new-price claims',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const [re, what, negatable] of PROMISES) {
      for (const m of ctx.text.matchAll(new RegExp(re.source, 'gi'))) {
        const index = m.index ?? 0;
        const before = ctx.text.slice(Math.max(0, index - 40), index);
        if (negatable && NEGATION.test(before.split(/[.!?\n]/).pop() ?? '')) continue;
        if (what === 'a new price') {
          // "we can do it for you" is not a price; flag only when a figure follows in the sentence
          // that is not a quote amount the record already has.
          const sentence = sentenceAround(ctx.text, index);
          const figures = extractAmounts(sentence.slice(Math.max(0, sentence.indexOf(m[0]))));
          const newFigure = figures.find((f) => !(ctx.lead.quotes ?? []).some((q) => q?.amount != null && Math.abs(q.amount - f.value) <= 0.5));
          if (!newFigure) continue;
        }
        issues.push({ kind: 'pricing_promise', text: m[0].trim(), explanation: `Promises ${what}; pricing changes need a new written quote, not a draft.` });
        break;
      }
    }
    return issues;
  },
};
