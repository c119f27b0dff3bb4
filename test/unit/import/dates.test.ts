import { describe, expect, it } from 'vitest';
import { parseDateCell, dateFormatProblem } from '../../../server/domain/import/date-format.ts';
import { parseMappingYaml, mapCsvRow } from '../../../server/domain/import/csv-mapping.ts';
import { parseLead } from '../../../server/domain/lead.ts';
import { validateImportedLead } from '../../../server/domain/import/validate-record.ts';

describe('CSV date cells', () => {
  it('rejects an impossible ISO date instead of rolling it into March', () => {
    expect(parseDateCell('2026-02-31', 'iso', 'date')).toEqual({ ok: false, error: 'is not a real date' });
    expect(parseDateCell('2026-02-29', 'iso', 'date').ok).toBe(false);
    expect(parseDateCell('2028-02-29', 'iso', 'date')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDateCell('2026-04-31T10:00:00Z', 'iso', 'datetime').ok).toBe(false);
    expect(parseDateCell('2026-04-30T24:00:00Z', 'iso', 'datetime').ok).toBe(false);
  });

  it('never reads 0 or a bare number as a date', () => {
    for (const v of ['0', '1', '20261215', '45000']) expect(parseDateCell(v, 'iso', 'date').ok).toBe(false);
  });

  it('refuses to guess day-first or month-first: the mapping must name the format', () => {
    const r = parseDateCell('01/02/2026', 'iso', 'date');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/ambiguous.*DD\/MM\/YYYY or MM\/DD\/YYYY/);
    expect(parseDateCell('01/02/2026', 'DD/MM/YYYY', 'date')).toEqual({ ok: true, value: '2026-02-01' });
    expect(parseDateCell('01/02/2026', 'MM/DD/YYYY', 'date')).toEqual({ ok: true, value: '2026-01-02' });
    expect(parseDateCell('31/02/2026', 'DD/MM/YYYY', 'date').ok).toBe(false);
  });

  it('keeps the date a date-time was written with, whatever its offset', () => {
    expect(parseDateCell('2026-12-15T23:30:00-05:00', 'iso', 'date')).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseDateCell('2026-12-15T23:30:00-05:00', 'iso', 'datetime')).toEqual({ ok: true, value: '2026-12-15T23:30:00-05:00' });
    expect(parseDateCell('2026-12-15 23:30', 'iso', 'datetime')).toEqual({ ok: true, value: '2026-12-15T23:30:00Z' });
    expect(parseDateCell('2024-03-15T14:22:00.000Z', 'iso', 'datetime')).toEqual({ ok: true, value: '2024-03-15T14:22:00.000Z' });
  });

  it('checks date formats when a mapping is read', () => {
    expect(dateFormatProblem('DD/MM/YYYY')).toBeNull();
    expect(dateFormatProblem('DD/MM')).toMatch(/YYYY/);
    expect(dateFormatProblem('DD/MM/YYYY at HH:mm')).toMatch(/separators/);
    const bad = parseMappingYaml('name: x\nid: { column: ID }\nfields:\n  - { field: service.date, column: D, type: date, format: "MM/YYYY" }\n');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/^fields\.0\.format: .*DD/);
  });
});

describe('one lead validator for NDJSON and CSV', () => {
  const mapping = parseMappingYaml('name: x\nid: { column: ID }\nfields:\n  - { field: service.date, column: D, type: date }\n  - { field: created_at, column: C, type: datetime }\n');
  if (!mapping.ok) throw new Error(mapping.errors.join());
  const csv = (d: string, c = '') => mapCsvRow(mapping.mapping, ['ID', 'D', 'C'], ['1', d, c]);

  it('rejects the same impossible dates on both paths, naming the field or column', () => {
    const ndjson = validateImportedLead({ id: '1', service: { date: '2026-02-31' } });
    expect(ndjson).toEqual({ ok: false, errors: [expect.stringMatching(/^service\.date: expected an ISO date/)] });
    expect(parseLead({ id: '1', created_at: '2026-02-31T10:00:00Z' }).ok).toBe(false);
    expect(csv('2026-02-31')).toMatchObject({ ok: false, errors: [expect.stringMatching(/column "D": "2026-02-31" is not a real date/)] });
    expect(csv('0')).toMatchObject({ ok: false });
  });

  it('accepts what is real on both paths and gives the same record', () => {
    const fromCsv = csv('2026-12-15T23:30:00-05:00', '2026-08-14T09:12:00Z');
    expect(fromCsv).toMatchObject({ ok: true, lead: { service: { date: '2026-12-15' }, created_at: '2026-08-14T09:12:00Z' } });
    expect(validateImportedLead({ id: '1', service: { date: '2026-12-15' }, created_at: '2026-08-14T09:12:00Z' })).toEqual(fromCsv);
  });
});
