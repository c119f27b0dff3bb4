/**
 * Every record of one person, found by email, phone or lead id (normalised with the duplicate
 * detector's rules), in every store that copies a lead: all dataset versions (locked ones too)
 * and production recommendations (each keeps its lead). Their reviews, outcomes and evaluation
 * results hang off those by id. The identifiers found on the way (a lead id leads to an email,
 * the email to another dataset's copy) are followed once more, so a partial request still finds
 * every copy. SQL narrows the candidates; the normalisers decide.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { normaliseEmail, normalisePhone } from '../../domain/privacy/identifiers.ts';
import type { Lead } from '../../domain/lead.ts';

export interface SubjectQuery {
  email?: string | null;
  phone?: string | null;
  lead_id?: string | null;
}

export interface Identifiers {
  emails: Set<string>;
  phones: Set<string>;
  leadIds: Set<string>;
}

export interface SubjectRecords {
  identifiers: Identifiers;
  leads: { dataset_id: string; lead_id: string; record: Lead }[];
  recommendations: { id: string; lead_id: string; lead: Lead }[];
  /** The person's raw values as the records spell them (names, emails, phones): what must not remain anywhere. */
  needles: string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function conditions(column: RawBuilder<unknown>, ids: Identifiers): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  for (const email of ids.emails) {
    const at = email.lastIndexOf('@');
    // "ana+moving@x.org" normalises to "ana@x.org": match the local part's start and the domain.
    out.push(sql<boolean>`lower(trim(${column}->'contact'->>'email')) like ${`${escapeLike(email.slice(0, at))}%${escapeLike(email.slice(at))}`}`);
  }
  for (const phone of ids.phones) out.push(sql<boolean>`regexp_replace(coalesce(${column}->'contact'->>'phone', ''), '[^0-9]', '', 'g') like ${`%${phone}`}`);
  return out;
}

function matches(lead: Lead, ids: Identifiers): boolean {
  if (ids.leadIds.has(lead.id)) return true;
  const email = normaliseEmail(lead.contact?.email);
  const phone = normalisePhone(lead.contact?.phone);
  return Boolean((email && ids.emails.has(email)) || (phone && ids.phones.has(phone)));
}

function absorb(ids: Identifiers, lead: Lead): void {
  ids.leadIds.add(lead.id);
  const email = normaliseEmail(lead.contact?.email);
  const phone = normalisePhone(lead.contact?.phone);
  if (email) ids.emails.add(email);
  if (phone) ids.phones.add(phone);
}

export function identifiersOf(query: SubjectQuery): Identifiers {
  const ids: Identifiers = { emails: new Set(), phones: new Set(), leadIds: new Set() };
  const email = normaliseEmail(query.email);
  const phone = normalisePhone(query.phone);
  if (email) ids.emails.add(email);
  if (phone) ids.phones.add(phone);
  if (query.lead_id?.trim()) ids.leadIds.add(query.lead_id.trim());
  return ids;
}

async function search(db: Kysely<DB>, ids: Identifiers) {
  const leadIds = [...ids.leadIds];
  const leadConds = conditions(sql.ref('record'), ids);
  const recConds = conditions(sql.ref('lead'), ids);
  const leads = await db
    .selectFrom('leads')
    .select(['dataset_id', 'lead_id', 'record'])
    .where((eb) => eb.or([...(leadIds.length ? [eb('lead_id', 'in', leadIds)] : []), ...leadConds.map((c) => eb(c, '=', true))]))
    .where('erased_at', 'is', null)
    .execute();
  const recs = await db
    .selectFrom('recommendations')
    .select(['id', 'lead_id', 'lead'])
    .where((eb) => eb.or([...(leadIds.length ? [eb('lead_id', 'in', leadIds)] : []), ...recConds.map((c) => eb(c, '=', true))]))
    .where('personal_data_removed_at', 'is', null)
    .execute();
  return {
    leads: leads.map((r) => ({ dataset_id: r.dataset_id, lead_id: r.lead_id, record: r.record as Lead })).filter((r) => matches(r.record, ids)),
    recommendations: recs.map((r) => ({ id: r.id, lead_id: r.lead_id, lead: r.lead as Lead })).filter((r) => matches(r.lead, ids)),
  };
}

export async function findSubject(db: Kysely<DB>, query: SubjectQuery): Promise<SubjectRecords> {
  const ids = identifiersOf(query);
  let found = { leads: [] as SubjectRecords['leads'], recommendations: [] as SubjectRecords['recommendations'] };
  if (ids.emails.size || ids.phones.size || ids.leadIds.size) {
    for (let round = 0; round < 2; round++) {
      found = await search(db, ids);
      const before = ids.emails.size + ids.phones.size + ids.leadIds.size;
      for (const l of found.leads) absorb(ids, l.record);
      for (const r of found.recommendations) absorb(ids, r.lead);
      if (ids.emails.size + ids.phones.size + ids.leadIds.size === before) break;
    }
  }
  const needles = new Set<string>();
  const add = (v: string | null | undefined) => {
    const t = v?.trim();
    if (t && t.length >= 3) needles.add(t);
  };
  for (const lead of [...found.leads.map((l) => l.record), ...found.recommendations.map((r) => r.lead)]) {
    add(lead.contact?.name);
    add(lead.contact?.email);
    add(lead.contact?.phone);
  }
  add(query.email);
  add(query.phone);
  for (const e of ids.emails) add(e);
  return { identifiers: ids, ...found, needles: [...needles] };
}
