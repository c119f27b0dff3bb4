/**
 * How often each phrase of a signal hits on a dataset (leads with at least one match of that
 * phrase alone), and which phrases are listed twice. For the phrase chips of the rules form: a
 * manager adding "stop calling" sees at once whether it is already there and whether it fires.
 */
import { compileSignal, matchSignals } from '../../domain/rules/signals.ts';
import type { SignalDefinition } from '../../domain/rules/index.ts';
import type { FeatureSet } from './feature-cache.ts';

export interface PhraseHits {
  signal: string;
  leads: number;
  /** Per language, per phrase: leads it matches on its own. */
  hits: Record<string, Record<string, number>>;
  /** Leads the whole signal matches (all languages, with its `unless` vetoes). */
  signal_hits: number;
  /** Phrases listed more than once in the same language (after case folding). */
  duplicates: { language: string; phrase: string }[];
}

export function phraseHits(signal: SignalDefinition, features: FeatureSet): PhraseHits {
  const entries = Object.entries(signal.phrases ?? {}).flatMap(([language, list]) => list.map((phrase) => ({ language, phrase })));
  // One single-phrase signal per entry, matched together (one prefilter pass per lead).
  const singles = entries.map((e, i) => compileSignal({ ...signal, name: `p${i}`, phrases: { [e.language]: [e.phrase] } }));
  const whole = compileSignal(signal);
  const counts = new Array<number>(entries.length).fill(0);
  let signalHits = 0;
  for (const lead of features.leads) {
    const results = matchSignals(singles, lead.features);
    for (let i = 0; i < singles.length; i++) if (results[`p${i}`]?.matched) counts[i]++;
    if (matchSignals([whole], lead.features)[signal.name]?.matched) signalHits++;
  }
  const hits: PhraseHits['hits'] = {};
  const seen = new Set<string>();
  const duplicates: PhraseHits['duplicates'] = [];
  entries.forEach((e, i) => {
    (hits[e.language] ??= {})[e.phrase] = counts[i];
    const key = `${e.language}\0${e.phrase.trim().toLowerCase()}`;
    if (seen.has(key)) duplicates.push(e);
    seen.add(key);
  });
  return { signal: signal.name, leads: features.leads.length, hits, signal_hits: signalHits, duplicates };
}
