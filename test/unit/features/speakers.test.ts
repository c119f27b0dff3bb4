import { describe, expect, it } from 'vitest';
import { prepareTexts } from '../../../server/domain/features/prepared-text.ts';
import { splitQuoted } from '../../../server/domain/features/quoted-text.ts';
import { compileRuleset, computeFeatures, decide, loadRulesetFromDir } from '../../../server/domain/rules/index.ts';
import { act, AS_OF, makeLead, withActivities } from './lead-fixture.ts';

describe('speakers: whose words a text is', () => {
  it('reads notes of outbound calls and meetings as rep notes, our outbound email as ours', () => {
    const texts = prepareTexts(makeLead({
      activities: [
        act('2026-10-01', 'outbound', 'call', 'Customer said please do not call again.'),
        act('2026-10-02', 'outbound', 'meeting', 'Site visit done.'),
        act('2026-10-03', 'outbound', 'email', "Let us know if you'd rather not be contacted."),
        act('2026-10-04', 'inbound', 'sms', 'STOP'),
      ],
      lost_reason: 'asked not to be contacted',
      tags: ['DNC'],
    }));
    expect(texts.map((t) => [t.activity_index, t.speaker, t.source])).toEqual([
      [0, 'rep_note', 'text'], [1, 'rep_note', 'text'], [2, 'ours', 'text'], [3, 'customer', 'text'], [-1, 'rep_note', 'lost_reason'], [-2, 'rep_note', 'tags'],
    ]);
    expect(texts[0].speaker_reason).toMatch(/call \(outbound\)/);
  });

  it('splits quoted text: the customer reply quoted below our email is the customer, our email quoted below theirs is ours', () => {
    const reply = 'Thanks, we will think about it.\n\nOn Mon, 3 Nov 2026 at 10:00, Rekindle Movers <info@example.org> wrote:\n> Reply STOP if you do not want to hear from us.';
    expect(splitQuoted(reply)).toEqual({ own: 'Thanks, we will think about it.', quoted: expect.stringMatching(/^Reply STOP/) });
    const german = 'Passt, danke.\n\nAm 03.11.2026 um 10:00 schrieb Umzug GmbH:\nBitte nicht mehr kontaktieren?';
    expect(splitQuoted(german).own).toBe('Passt, danke.');
    const outlook = 'Yes please.\n\n-----Original Message-----\nFrom: Rekindle\nSent: Monday\nStop?';
    expect(splitQuoted(outlook).own).toBe('Yes please.');
    const texts = prepareTexts(makeLead({
      activities: [
        act('2026-10-03', 'inbound', 'email', reply),
        act('2026-10-05', 'outbound', 'email', 'Sorry to hear that.\n\n-----Original Message-----\nFrom: Ana\nSent: Tuesday\nPlease stop contacting me.'),
      ],
    }));
    expect(texts.map((t) => [t.activity_index, t.speaker, t.source])).toEqual([
      [0, 'customer', 'text'], [0, 'ours', 'quoted'], [1, 'ours', 'text'], [1, 'customer', 'quoted'],
    ]);
  });

  it('decides on what the customer said on an outbound call, not on our own email', async () => {
    const loaded = await loadRulesetFromDir('rules/default');
    if (!loaded.ok) throw new Error('default ruleset does not load');
    const compiled = compileRuleset(loaded.ruleset);
    const onCall = decide(compiled, computeFeatures(makeLead(withActivities(act('2026-11-01', 'outbound', 'call', 'Spoke to her: please do not contact us again.'))), AS_OF));
    expect(onCall.decision).toBe('do_not_contact');
    expect(onCall.reasons[0].code).toBe('asked_not_to_contact');
    const ours = decide(compiled, computeFeatures(makeLead(withActivities(act('2026-11-01', 'outbound', 'email', 'Reply if you would rather we do not contact you again.'))), AS_OF));
    expect(ours.decision).toBe('contact');
  });
});
