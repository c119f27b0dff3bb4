import { beforeAll, describe, expect, it } from 'vitest';
import { readRulesetFiles } from '../../../server/domain/rules/load-dir.ts';
import { compileRuleset, computeFeatures, decide, labelsOf, parseRulesetFiles, type CompiledRuleset } from '../../../server/domain/rules/index.ts';
import { act, AS_OF, makeLead, withActivities } from '../features/lead-fixture.ts';

// The readings are part of the stored decision (JSON): their keys keep this order whichever branch
// of understand.ts built them (they are literals there, not spreads).
const KEYS = [
  'activity_index', 'source', 'speaker', 'speaker_reason', 'read', 'excerpt', 'said_on', 'unanswered', 'text_hash', 'language',
  'language_supported', 'sentences', 'label', 'confident', 'unread_reason', 'near_threshold',
];

let rules: CompiledRuleset;
beforeAll(async () => {
  const parsed = parseRulesetFiles(await readRulesetFiles('rules/default'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  rules = compileRuleset(parsed.ruleset);
});

const FINNISH = 'Kiitos tarjouksesta, mutta emme tarvitse enää muuttopalvelua.';

describe('text readings in a decision', () => {
  it('list the same keys in the same order for unread, read, not-read and labelled texts', () => {
    const lead = makeLead(withActivities(act('2026-11-04', 'outbound', 'email', 'Here is your quote.'), act('2026-11-05', 'inbound', 'email', FINNISH)));
    const plain = decide(rules, computeFeatures(lead, AS_OF));
    const hash = plain.texts!.unread[0].text_hash!;
    const labelled = decide(rules, computeFeatures(lead, AS_OF), { text_labels: labelsOf([{ lead_id: lead.id, text_hash: hash, intent: 'still_planning' }]) });
    const readings = [...plain.texts!.texts, ...labelled.texts!.texts];
    expect(new Set(readings.map((r) => `${r.read}/${r.label !== null}/${r.confident}`)).size).toBeGreaterThanOrEqual(3);
    for (const r of readings) expect(Object.keys(r)).toEqual(KEYS);
    expect(labelled.texts!.texts.find((t) => t.label !== null)?.sentences[0]).toMatchObject({ intent: 'still_planning', score: 1 });
  });
});
