import { describe, expect, it } from 'vitest';
import { fittingDateFormats, suggestColumn } from '../../../server/domain/import/suggest-mapping.ts';

describe('mapping editor suggestions', () => {
  it('never picks a day/month order the values do not settle', () => {
    expect(suggestColumn('leads', 'Moving Date', ['01/02/2027', '11/12/2026'])).toMatchObject({ field: 'service.date', ambiguous_date: true });
    // A day over 12 (or a "month" 31) says which it is.
    expect(fittingDateFormats(['01/02/2027', '25/12/2026'])).toEqual(['DD/MM/YYYY']);
    expect(fittingDateFormats(['01/02/2027', '12/25/2026'])).toEqual(['MM/DD/YYYY']);
    expect(fittingDateFormats(['05/03/2027', '31/02/2027'])).toEqual(['DD/MM/YYYY']);
    expect(fittingDateFormats(['2026-08-14 09:12', '2026-02-31 10:00'])).toEqual(['iso']);
    expect(fittingDateFormats(['0', '12', '7'])).toEqual([]);
  });

  it('suggests fields from CRM headers of leads, activity and quote files', () => {
    expect(suggestColumn('leads', 'Unsubscribed from all email', ['true', 'false'])).toMatchObject({ field: 'consent.email', values: { true: false, false: null } });
    expect(suggestColumn('leads', 'DoNotCall', ['1', '0']).field).toBe('consent.phone');
    expect(suggestColumn('leads', 'Last Name', ['Horvat'])).toMatchObject({ field: 'contact.name', join: ' ' });
    expect(suggestColumn('activities', 'Associated Contact IDs', ['51']).field).toBe('lead_id');
    expect(suggestColumn('activities', 'Call direction', ['Inbound']).field).toBe('direction');
    expect(suggestColumn('quotes', 'Amount', ['2450']).field).toBe('amount');
    expect(suggestColumn('leads', 'Favourite colour', ['blue']).field).toBeNull();
  });
});
