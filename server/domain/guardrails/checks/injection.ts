/**
 * Flags drafts that follow or echo instructions planted in CRM free text. When an activity
 * (or lost_reason) reads like an instruction, the draft must not: repeat its percentages,
 * figures or links, share a long phrase with it, or carry prompt-control markers itself.
 */
import { detectInstructionLikeText } from '../instruction-like-text.ts';
import { words } from '../text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

const NGRAM = 5;

function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** Concrete things an instruction asks for that a draft could carry out. */
function payloads(text: string): { token: string; what: string }[] {
  const out: { token: string; what: string }[] = [];
  for (const m of text.matchAll(/\b(\d{1,3})\s?(%|percent|prozent|posto)/gi)) out.push({ token: `${m[1]}%`, what: `the ${m[1]}% it asks for` });
  for (const m of text.matchAll(/\bhttps?:\/\/\S+|\bwww\.\S+/gi)) out.push({ token: m[0].replace(/[).,]+$/, ''), what: 'its link' });
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) out.push({ token: m[0], what: 'its email address' });
  for (const m of text.matchAll(/\b(?:mark|set|change|update)\b[^.\n]{0,30}\b(?:as|to)\s+["']?(won|lost|closed|booked|confirmed|vip|priority|paid)\b/gi)) out.push({ token: m[1], what: `the status "${m[1]}" it asks for` });
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MARKERS = /\b(ignore (all )?(previous|prior) instructions|SYSTEM\s*:|as an ai( language model)?|I am an ai|\[INST\]|<\/?system>)/i;

export const injectionCheck: GroundingCheck = {
  id: 'injection',
  description: 'the draft must not do or echo what instruction-like CRM text says',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    const marker = ctx.text.match(MARKERS);
    if (marker) issues.push({ kind: 'followed_injected_instruction', text: marker[0], explanation: 'The draft carries prompt-control text; CRM text must never steer the draft.' });
    const draftWords = ctx.text.toLowerCase();
    const draftGrams = ngrams(ctx.text, NGRAM);
    for (const source of ctx.facts.texts) {
      if (!detectInstructionLikeText(source.text).suspicious) continue;
      for (const p of payloads(source.text)) {
        const token = p.token.toLowerCase();
        const hit = token.endsWith('%')
          ? new RegExp(`\\b${token.slice(0, -1)}\\s?(%|percent|per cent|prozent|posto)`, 'i').exec(ctx.text)
          : new RegExp(`(?<![\\w.-])${escapeRe(token)}(?![\\w'’-])`, 'i').test(draftWords) ? { 0: p.token } : null;
        if (hit) issues.push({ kind: 'followed_injected_instruction', text: String(hit[0]), explanation: `Carries out ${p.what} from instruction-like text in ${source.source}.` });
      }
      const shared = [...ngrams(source.text, NGRAM)].find((g) => draftGrams.has(g));
      if (shared) issues.push({ kind: 'followed_injected_instruction', text: shared, explanation: `Echoes instruction-like text from ${source.source}.` });
    }
    return issues;
  },
};
