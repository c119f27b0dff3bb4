/** Reads leads of the committed demo dataset for tests. */
import fs from 'node:fs';
import path from 'node:path';
import type { Lead } from '../../server/domain/lead.ts';

export const DEMO_FILE = path.resolve(import.meta.dirname, '../../datasets/demo.jsonl');

export function demoLeads(count = Infinity): Lead[] {
  const lines = fs.readFileSync(DEMO_FILE, 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, Math.min(count, lines.length)).map((l) => JSON.parse(l) as Lead);
}

export function demoLeadWhere(predicate: (lead: Lead) => boolean): Lead {
  const found = demoLeads().find(predicate);
  if (!found) throw new Error('no demo lead matches');
  return found;
}
