import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { extractAmounts, parseAmountNumber } from '../../../server/domain/guardrails/extract-amounts.ts';
import { AS_OF, sampleLead } from './sample-lead.ts';

const issues = (text: string, kind: string) => checkGrounding(sampleLead(), text, { asOf: AS_OF }).issues.filter((i) => i.kind === kind);

describe('amount grounding', () => {
  it.each(['€2,450', '2.450 EUR', 'EUR 2450', '2450 euros', '2.450,00 €', 'EUR2,450', 'about 2.5k', 'around €2,000'])('accepts %s', (a) => {
    expect(issues(`The quote was ${a}.`, 'unsupported_amount')).toEqual([]);
  });

  it.each(['€2,150', '$2,450', '2.5k', '2,600 EUR', 'around €900'])('flags %s', (a) => {
    expect(issues(`The quote was ${a}.`, 'unsupported_amount')).toHaveLength(1);
  });

  it('parses separators by convention', () => {
    expect([parseAmountNumber('2,450'), parseAmountNumber('2.450'), parseAmountNumber('2.5'), parseAmountNumber('2.450,50'), parseAmountNumber("1'900")]).toEqual([2450, 2450, 2.5, 2450.5, 1900]);
    expect(extractAmounts('in 2026 we move 35 m3')).toEqual([]);
  });
});

describe('quantity grounding', () => {
  it.each(['35 m³', 'about 35 cubic metres', 'a two-bedroom flat', 'around 40 boxes'])('accepts %s', (q) => {
    expect(issues(`Our notes say ${q}.`, 'unsupported_quantity')).toEqual([]);
  });
  it.each(['45 m3', 'three-bedroom', '60 boxes', '3 movers'])('flags %s', (q) => {
    expect(issues(`Our notes say ${q}.`, 'unsupported_quantity')).toHaveLength(1);
  });
});
