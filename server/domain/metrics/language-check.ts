/**
 * Which of the drafting languages (en, de, hr) a text is written in, from stop-word profiles:
 * the share of its words that are common function words of each language. Good enough to tell a
 * German draft from an English one; names and places are not stop words, so they do not vote.
 */
import { foldText } from '../features/text.ts';

export type CheckedLanguage = 'en' | 'de' | 'hr';

const STOP_WORDS: Record<CheckedLanguage, ReadonlySet<string>> = {
  en: new Set('the a an and or to of in on for with is are was were be been it this that you your we our us i me my if so as at by from about would could can will not no there what when how any have has had do does just let know'.split(' ')),
  de: new Set('der die das den dem des ein eine einen einem einer und oder zu von im in am an auf fur mit ist sind war sie ihr ihre ihnen ihrem ihren wir uns unser ich mich mir es wenn so als bei aus uber wurde konnte kann nicht kein keine noch gern wie was wann dass sich auch schon'.split(' ')),
  hr: new Set('i ili je su bio bila da se u na za s sa od do vam vas vasu vase vasa vaseg mi nam nas mene me ako kao pa li sto kada kako koji koja koje nije ne jos vec bi biti sam smo ste ce cemo oko uz vezano rado'.split(' ')),
};

export interface LanguageGuess {
  language: CheckedLanguage | null;
  /** Stop-word hits per language. */
  scores: Record<CheckedLanguage, number>;
}

export function detectLanguage(text: string): LanguageGuess {
  const words = foldText(text).match(/\p{L}+/gu) ?? [];
  const scores: Record<CheckedLanguage, number> = { en: 0, de: 0, hr: 0 };
  for (const w of words) for (const lang of ['en', 'de', 'hr'] as const) if (STOP_WORDS[lang].has(w)) scores[lang]++;
  const ranked = (Object.entries(scores) as [CheckedLanguage, number][]).sort((a, b) => b[1] - a[1]);
  // A winner needs a few hits and a clear lead: "in", "die", "je" alone decide nothing.
  const [first, second] = ranked;
  const language = first[1] >= 3 && first[1] >= second[1] * 1.5 ? first[0] : null;
  return { language, scores };
}
