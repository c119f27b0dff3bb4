/**
 * Dataset-level facts a single lead cannot know about itself: duplicates. Leads sharing a
 * normalised email or phone form one contact group (transitively). Within a group, a lead is a
 * duplicate of the earliest earlier lead asking for the SAME job: a returning customer with a
 * different move (other origin, destination, service type, or a date 45+ days apart) is a new
 * lead, not a duplicate. An explicit `duplicate_of` always marks a duplicate, even without an index.
 */
import type { Lead } from '../lead.ts';
import { foldText } from './text.ts';
import { dayNumber, parseIsoMs } from './time.ts';

export interface DuplicateInfo {
  /** Id of the original this lead duplicates, or null when it is the original / unique. */
  duplicate_of: string | null;
  group_size: number;
}

export interface DatasetIndex {
  duplicates: Map<string, DuplicateInfo>;
}

export function normaliseEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1 || at === e.length - 1) return null;
  // "ana+moving@x.org" reaches the same inbox as "ana@x.org".
  return e.slice(0, at).replace(/\+.*$/, '') + e.slice(at);
}

/** Digits only, international prefix dropped; the last 9 digits identify a number across formats. */
export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '').replace(/^00/, '');
  return digits.length < 7 ? null : digits.slice(-9);
}

function createdKey(lead: Lead): number {
  const ms = lead.created_at ? parseIsoMs(lead.created_at) : NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

const SAME_JOB_MAX_DATE_GAP_DAYS = 45;

/** Missing facts never contradict; present ones must agree. */
function sameJob(a: Lead, b: Lead): boolean {
  const same = (x: string | null | undefined, y: string | null | undefined) => !x || !y || foldText(x.trim()) === foldText(y.trim());
  const sa = a.service, sb = b.service;
  if (!same(sa?.origin, sb?.origin) || !same(sa?.destination, sb?.destination) || !same(sa?.type, sb?.type)) return false;
  const da = dayNumber(sa?.date ?? null), db = dayNumber(sb?.date ?? null);
  return da === null || db === null || Math.abs(da - db) < SAME_JOB_MAX_DATE_GAP_DAYS;
}

export function buildDatasetIndex(leads: Lead[]): DatasetIndex {
  // Union-find over lead positions, joined through shared email / phone keys.
  const parent = leads.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstByKey = new Map<string, number>();
  leads.forEach((lead, i) => {
    const keys = [normaliseEmail(lead.contact?.email), normalisePhone(lead.contact?.phone)];
    keys.forEach((key, k) => {
      if (!key) return;
      const tagged = `${k}:${key}`;
      const first = firstByKey.get(tagged);
      if (first === undefined) firstByKey.set(tagged, i);
      else parent[find(i)] = find(first);
    });
  });
  const groups = new Map<number, number[]>();
  leads.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const duplicates = new Map<string, DuplicateInfo>();
  for (const members of groups.values()) {
    members.sort((a, b) => createdKey(leads[a]) - createdKey(leads[b]) || (leads[a].id < leads[b].id ? -1 : 1));
    const originals: Lead[] = [];
    for (const m of members) {
      const lead = leads[m];
      const original = originals.find((o) => sameJob(o, lead));
      if (!original) originals.push(lead);
      duplicates.set(lead.id, { duplicate_of: original?.id ?? null, group_size: members.length });
    }
  }
  return { duplicates };
}

