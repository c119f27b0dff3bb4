import { describe, it, expect } from 'vitest';
import { buildDatasetIndex, computeFeatures, normaliseEmail, normalisePhone } from '../../../server/domain/features/index.ts';
import { AS_OF, makeLead } from './lead-fixture.ts';

describe('duplicates', () => {
  it('normalises email and phone', () => {
    expect(normaliseEmail(' Ana+moving@Example.org ')).toBe('ana@example.org');
    expect(normalisePhone('+385 91 555 0101')).toBe(normalisePhone('00385-91-5550101'));
    expect(normalisePhone('123')).toBeNull();
  });

  it('the earliest lead of a group is the original, later ones are duplicates', () => {
    const a = makeLead({ id: 'A', created_at: '2026-09-01T00:00:00Z' });
    const b = makeLead({ id: 'B', created_at: '2026-09-03T00:00:00Z', contact: { name: 'Ana', email: 'other@x.org', phone: '00385915550101', language: 'en' } });
    const c = makeLead({ id: 'C', created_at: '2026-09-02T00:00:00Z', contact: { name: 'Ana', email: 'ANA@example.org', phone: null, language: 'en' } });
    const index = buildDatasetIndex([b, a, c]);
    expect(index.duplicates.get('A')).toEqual({ duplicate_of: null, group_size: 3 });
    expect(index.duplicates.get('B')?.duplicate_of).toBe('A');
    expect(computeFeatures(c, AS_OF, index).values).toMatchObject({ is_duplicate: true, duplicate_of: 'A', duplicate_group_size: 3 });
  });

  it('a returning customer with a different move is not a duplicate', () => {
    const a = makeLead({ id: 'A', created_at: '2026-01-01T00:00:00Z', service: { origin: 'Split', destination: 'Dublin', date: '2026-03-01' } });
    const b = makeLead({ id: 'B', created_at: '2026-09-01T00:00:00Z' });
    expect(buildDatasetIndex([a, b]).duplicates.get('B')?.duplicate_of).toBeNull();
  });

  it('duplicate_of in the record marks a duplicate even without an index', () => {
    expect(computeFeatures(makeLead({ duplicate_of: 'L-1' }), AS_OF).values.is_duplicate).toBe(true);
  });
});
