/**
 * The reviewed phrase templates behind the `template` writer, one book per language. Phrases
 * take only facts from structured fields (names, route, dates, quote amount), already
 * formatted and screened; never free text. They make no price promises, claim no actions,
 * and refer to past events only when the facts say they happened.
 */
import type { Angle } from './angle.ts';
import type { DraftLanguage } from './format.ts';

export type ServiceKind = 'moving' | 'office_moving' | 'storage' | 'cleaning' | 'logistics' | 'other';

export interface DraftFacts {
  language: DraftLanguage;
  fullName: string | null;
  firstName: string | null;
  owner: string | null;
  service: ServiceKind;
  origin: string | null;
  destination: string | null;
  /** Set instead of origin/destination for local jobs (cleaning, storage, same-city moves). */
  location: string | null;
  /** Formatted service date (future only) and whether it is month-level. */
  serviceDate: { text: string; monthLevel: boolean } | null;
  /** The latest sent quote, formatted. */
  quote: { sentDate: string | null; amount: string | null } | null;
  /** The customer wrote or spoke to us before (so "pick up where we left off" is true). */
  hadConversation: boolean;
}

export interface PhraseBook {
  subject(f: DraftFacts): string;
  greeting(f: DraftFacts): string;
  /** The angle-specific opening lines. */
  opener(angle: Angle, f: DraftFacts): string;
  help(f: DraftFacts): string;
  question(angle: Angle, f: DraftFacts): string;
  signOff(f: DraftFacts): string;
  /** `reason`: what the call is about (the story's opening); the angle's opener when absent. */
  phoneScript(angle: Angle, f: DraftFacts, reason?: string): string;
}

export function serviceKind(type: string | null | undefined): ServiceKind {
  const t = (type ?? '').toLowerCase();
  if (/office|büro|ured/.test(t)) return 'office_moving';
  if (/mov|umzug|selidb|relocat/.test(t)) return 'moving';
  if (/stor|lager|sklad/.test(t)) return 'storage';
  if (/clean|reinig|čišć|cisc/.test(t)) return 'cleaning';
  if (/logist|transport|prijevoz|freight/.test(t)) return 'logistics';
  return 'other';
}
