/**
 * From the lead's story to the template writer's story layer: the story's dates formatted for
 * the draft language, and a seeded choice among a situation's phrasings (seeded by the lead id,
 * so the same lead always gets the same draft and neighbouring leads read differently).
 */
import { mulberry32 } from '../random.ts';
import type { LeadStory } from '../story/types.ts';
import { type DraftLanguage, formatDay, formatMonth } from './format.ts';
import type { StoryBook, StoryDraftFacts } from './story-book.ts';
import { STORY_DE } from './story-phrases-de.ts';
import { STORY_EN } from './story-phrases-en.ts';
import { STORY_HR } from './story-phrases-hr.ts';

export const STORY_BOOKS: Record<DraftLanguage, StoryBook> = { en: STORY_EN, de: STORY_DE, hr: STORY_HR };

export function storyDraftFacts(story: LeadStory, language: DraftLanguage): StoryDraftFacts {
  const day = (iso: string | null | undefined) => (iso ? formatDay(language, iso) : null);
  const moved = story.date_moved;
  const latest = story.quotes.filter((q) => q.status !== 'withdrawn' && (q.sent_on || q.amount !== null)).at(-1);
  return {
    situation: story.lost_after.kind,
    also: story.also.map((a) => a.kind),
    on: day(story.lost_after.date),
    promise: story.unkept_promises.at(-1)?.what ?? null,
    movedTo: moved && moved.to >= story.as_of ? { text: moved.day_certain ? formatDay(language, moved.to) : formatMonth(language, moved.to), monthLevel: !moved.day_certain } : null,
    quoteValidUntil: day(latest?.valid_until),
  };
}

/** FNV-1a of the text: a stable 32-bit seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One of the options, the same for the same lead and purpose. */
export function pickFor<T>(leadId: string, purpose: string, options: readonly T[]): T {
  return options[Math.floor(mulberry32(hash(`${leadId}\0${purpose}`))() * options.length)];
}
