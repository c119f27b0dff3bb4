/** Loads the labeled grounding fixtures: base leads plus (lead, draft, expected kinds) cases. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lead } from '../../../server/domain/lead.ts';

const DIR = fileURLToPath(new URL('../../fixtures/grounding/', import.meta.url));

export interface GroundingCase {
  id: string;
  lead: string;
  as_of: string;
  text: string;
  expected_issue_kinds: string[];
  note: string;
}

export function loadGroundingFixtures(): { leads: Record<string, Lead>; cases: GroundingCase[] } {
  const raw = JSON.parse(readFileSync(`${DIR}leads.json`, 'utf8')) as Record<string, unknown>;
  const leads = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Lead.parse(v)]));
  const cases = readFileSync(`${DIR}cases.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GroundingCase);
  return { leads, cases };
}
