/** The story of a lead (point in time): where contact was lost, for drafts, metrics and the UI. */
export { buildLeadStory, type StoryOptions } from './build-story.ts';
export { leadAsOf } from './point-in-time.ts';
export { KEY_FACT_KINDS, LOST_CONTACT_KINDS, type LeadStory, type LostContact, type LostContactKind, type StoryFact } from './types.ts';
