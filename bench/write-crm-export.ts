/**
 * Writes a generated dataset as a two-file CRM export for the import benchmark: leads.csv (one row
 * per lead) and activities.csv (one row per activity, keyed by the lead's id), plus the mapping
 * (crm-bench.yaml) that reads them. Activities are each lead's own timeline, then one "quote sent"
 * email per quote, until --activities rows are written (the generator gives about 4.4 + 0.8 a lead).
 *
 *   npx tsx bench/write-crm-export.ts --count 100000 --activities 500000 --out /tmp/export
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateLeads } from '../datasets/generator/index.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, activities: { type: 'string', default: '500000' }, out: { type: 'string' }, seed: { type: 'string', default: '7' } } });
if (!values.out) throw new Error('--out <dir> is required');
const count = Number(values.count);
const maxActivities = Number(values.activities);
fs.mkdirSync(values.out, { recursive: true });

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const row = (cells: unknown[]) => `${cells.map(cell).join(',')}\n`;

/** Buffered synchronous writes: the writer is a separate process, its speed is not what is measured. */
function writer(file: string) {
  const fd = fs.openSync(path.join(values.out!, file), 'w');
  let buf: string[] = [];
  let size = 0;
  return {
    write(s: string) {
      buf.push(s);
      size += s.length;
      if (size > 1 << 20) this.flush();
    },
    flush() {
      fs.writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    },
    close() {
      this.flush();
      fs.closeSync(fd);
    },
  };
}

const leads = writer('leads.csv');
const activities = writer('activities.csv');
leads.write(row(['Lead ID', 'Created', 'Name', 'Email', 'Phone', 'Language', 'Status', 'Owner', 'Service', 'From', 'To', 'Service date', 'Email consent', 'Phone consent', 'Quote amount', 'Quote sent', 'Quote status']));
activities.write(row(['Lead ID', 'When', 'Channel', 'Direction', 'By', 'Outcome', 'Text']));
let written = 0;
const quoteEmails: [string, string][] = [];
for (const lead of generateLeads({ seed: Number(values.seed), count, asOf: '2026-11-20' })) {
  const q = lead.quotes?.[0];
  const yesNo = (b: boolean | null | undefined) => (b === true ? 'Yes' : b === false ? 'No' : '');
  leads.write(row([lead.id, lead.created_at, lead.contact?.name, lead.contact?.email, lead.contact?.phone, lead.contact?.language, lead.status, lead.owner, lead.service?.type, lead.service?.origin, lead.service?.destination, lead.service?.date, yesNo(lead.consent?.email), yesNo(lead.consent?.phone), q?.amount, q?.sent_at, q?.status]));
  for (const a of lead.activities ?? []) {
    if (written >= maxActivities) break;
    activities.write(row([lead.id, a.at, a.channel, a.direction, a.author, a.outcome, a.text]));
    written++;
  }
  for (const quote of lead.quotes ?? []) if (quote.sent_at && quoteEmails.length < maxActivities) quoteEmails.push([lead.id, quote.sent_at]);
}
for (const [id, at] of quoteEmails) {
  if (written >= maxActivities) break;
  activities.write(row([id, at, 'email', 'outbound', 'crm', 'sent', 'Quote sent']));
  written++;
}
leads.close();
activities.close();
fs.writeFileSync(
  path.join(values.out, 'crm-bench.yaml'),
  `name: crm-bench
id: { column: Lead ID }
fields:
  - { field: created_at, column: Created, type: datetime }
  - { field: contact.name, column: Name }
  - { field: contact.email, column: Email }
  - { field: contact.phone, column: Phone }
  - { field: contact.language, column: Language }
  - { field: status, column: Status }
  - { field: owner, column: Owner }
  - { field: service.type, column: Service }
  - { field: service.origin, column: From }
  - { field: service.destination, column: To }
  - { field: service.date, column: Service date, type: date }
  - { field: consent.email, column: Email consent, values: { "Yes": true, "No": false } }
  - { field: consent.phone, column: Phone consent, values: { "Yes": true, "No": false } }
  - { field: quotes.0.amount, column: Quote amount, type: number }
  - { field: quotes.0.sent_at, column: Quote sent, type: datetime }
  - { field: quotes.0.status, column: Quote status }
files:
  - name: activities
    kind: activities
    lead_id: { column: Lead ID }
    fields:
      - { field: at, column: When, type: datetime }
      - { field: channel, column: Channel }
      - { field: direction, column: Direction }
      - { field: author, column: By }
      - { field: outcome, column: Outcome }
      - { field: text, column: Text }
`,
);
console.error(JSON.stringify({ leads: count, activities: written, dir: values.out }));
