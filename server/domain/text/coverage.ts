/**
 * What the engine reads in each supported language, for the ruleset README and the Rules page
 * (GET /api/rules/catalog): corpus examples and intents covered, phrase-list signals, opt-out
 * keywords, and the language detector. hr / sr / bs are read as one group.
 */
import type { CompiledRuleset } from '../rules/compile.ts';
import { corpusCoverage } from './corpus.ts';
import { languageGroup, SUPPORTED_LANGUAGES } from './language.ts';

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', de: 'German', hr: 'Croatian', sr: 'Serbian', bs: 'Bosnian', sl: 'Slovenian', it: 'Italian', fr: 'French',
  es: 'Spanish', pl: 'Polish', cs: 'Czech', hu: 'Hungarian', nl: 'Dutch',
};

export interface LanguageCoverage {
  language: string;
  name: string;
  /** Languages read by the same examples and phrase lists (hr, sr, bs). */
  group: string[];
  corpus_examples: number;
  intents_covered: number;
  intents_total: number;
  /** Phrase-list signals with phrases in this language (or its group). */
  phrase_signals: number;
  opt_out_keywords: boolean;
  detector: string;
}

export function languageCoverage(compiled: CompiledRuleset): LanguageCoverage[] {
  const corpus = compiled.ruleset.intents;
  const counts = corpus ? corpusCoverage(corpus) : {};
  const intentsTotal = corpus?.intents.length ?? 0;
  return SUPPORTED_LANGUAGES.map((language) => {
    const group = SUPPORTED_LANGUAGES.filter((l) => languageGroup(l) === languageGroup(language));
    const intents = new Map<string, number>();
    for (const l of group) for (const [intent, n] of Object.entries(counts[l] ?? {})) intents.set(intent, (intents.get(intent) ?? 0) + n);
    const phraseSignals = compiled.signals.filter((s) => group.some((l) => (s.definition.phrases?.[l]?.length ?? 0) > 0)).length;
    const optOut = compiled.signals.some((s) => s.definition.match === 'keyword' && s.definition.channels?.includes('sms') && group.some((l) => (s.definition.phrases?.[l]?.length ?? 0) > 0));
    return {
      language, name: LANGUAGE_NAMES[language] ?? language, group,
      corpus_examples: [...intents.values()].reduce((a, b) => a + b, 0),
      intents_covered: intents.size, intents_total: intentsTotal,
      phrase_signals: phraseSignals, opt_out_keywords: optOut,
      detector: language === 'bs' ? 'eld (as hr/sr: eld has no Bosnian)' : 'eld',
    };
  });
}
