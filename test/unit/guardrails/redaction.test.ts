import { describe, expect, it } from 'vitest';
import { redactLead, unredactText } from '../../../server/domain/guardrails/index.ts';
import { sampleLead } from './sample-lead.ts';

const lead = sampleLead({
  activities: [
    { at: '2026-08-14T09:12:00Z', channel: 'email', direction: 'inbound', author: null, text: 'Hi, this is Ana Horvat. Call me on +385 91 555 0101 or write to ana.h@example.org. We live at Ilica 12, Zagreb. Marko said the quote is fine.' },
    { at: '2026-08-20T14:00:00Z', channel: 'call', direction: 'outbound', author: 'rep:marko', outcome: 'answered', text: 'Spoke to Ana, she moves from Hauptstraße 5.' },
  ],
});

describe('redactLead / unredactText', () => {
  const { lead: redacted, map } = redactLead(lead);
  const everything = JSON.stringify(redacted);

  it('removes names, emails, phone numbers and street addresses', () => {
    for (const secret of ['Ana', 'Horvat', 'ana@example.org', 'ana.h@example.org', '555 0101', 'Ilica 12', 'Hauptstraße 5', 'marko', 'Marko']) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(redacted.contact?.name).toMatch(/^\[NAME_\d+\]$/);
    expect(redacted.contact?.email).toMatch(/^\[EMAIL_\d+\]$/);
    expect(redacted.activities?.[1].author).toMatch(/^rep:\[NAME_\d+\]$/);
    expect(redacted.service?.destination).toBe('Munich');
  });

  it('round-trips every redacted text', () => {
    lead.activities!.forEach((a, i) => expect(unredactText(redacted.activities![i].text!, map)).toBe(a.text));
    expect(unredactText(redacted.contact!.name!, map)).toBe('Ana Horvat');
    expect(unredactText(JSON.stringify(redacted), map)).toBe(JSON.stringify(lead));
  });

  it('restores placeholders in a provider draft and leaves unknown ones alone', () => {
    const first = Object.entries(map).find(([, v]) => v === 'Ana')?.[0];
    expect(first).toBeDefined();
    expect(unredactText(`Hello ${first}, [NAME_99]`, map)).toBe('Hello Ana, [NAME_99]');
  });
});
