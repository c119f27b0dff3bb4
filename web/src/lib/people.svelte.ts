/**
 * Display names for actors: records and the audit log hold `token:<id>`, people read names.
 * Loaded once per sign-in from GET /api/people (and again after the admin changes a token).
 */
import { api } from './api.ts';

class People {
  names = $state<Record<string, string>>({});
}

export const people = new People();

export async function loadPeople(): Promise<void> {
  try {
    const { items } = await api<{ items: { actor: string; name: string }[] }>('/api/people');
    people.names = Object.fromEntries(items.map((p) => [p.actor, p.name]));
  } catch {
    // Names are a nicety: pages still work (showing "a person") if this fails.
  }
}

/** The display name of an actor; never a raw token id. */
export function personName(actor: string | null | undefined): string {
  if (!actor) return '—';
  const name = people.names[actor];
  if (name) return name;
  return actor.startsWith('token:') ? 'a person (token no longer listed)' : actor;
}
