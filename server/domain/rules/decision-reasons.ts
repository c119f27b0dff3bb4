/** Reason lines for a decision: explanation templates filled with the lead's actual values. */
import type { ReasonExplained } from '../decision.ts';
import type { Decision } from '../lead.ts';
import { isoDateOfDay } from '../features/time.ts';
import type { CompiledRule } from './compile.ts';
import { readRef } from './expression-refs.ts';
import type { SignalResult } from './signals.ts';
import { renderTemplate, type CompiledTemplate } from './template.ts';

export interface Hit { rule: CompiledRule; error?: string; recontactDay?: number }

export interface ExplainContext {
  values: Record<string, unknown>;
  signals: Record<string, SignalResult>;
  as_of: string;
  lead_id: string;
  priority: number;
  threshold: number;
}

function lookup(ctx: ExplainContext, hit: Hit | null, recontact: string | null, ref: string): unknown {
  switch (ref) {
    case 'as_of': return ctx.as_of;
    case 'lead_id': return ctx.lead_id;
    case 'priority': return ctx.priority;
    case 'threshold': return ctx.threshold;
    case 'weight': return hit?.rule.weight ?? null;
    case 'recontact_after': return recontact;
  }
  if (ref.startsWith('evidence.')) {
    const ev = ctx.signals[ref.slice(9)]?.evidence[0];
    return ev ? `"${ev.excerpt}"` : null;
  }
  return readRef(ctx.values, ref);
}

export function explainHits(hits: Hit[], ctx: ExplainContext): ReasonExplained[] {
  return hits.map((h) => {
    const recontact = h.recontactDay === undefined ? null : isoDateOfDay(h.recontactDay);
    const explanation = h.error
      ? `Rule ${h.rule.id} could not be evaluated (${h.error}); the lead is blocked to be safe.`
      : h.rule.explain ? renderTemplate(h.rule.explain, (ref) => lookup(ctx, h, recontact, ref)) : h.rule.description;
    return { code: h.rule.reason ?? h.rule.id, explanation };
  });
}

export interface SettingsOutcomeSpec { decision: Decision; reason: string; recontact_after_days?: number }

/** The configured outcome for "nothing matched" / "below threshold". */
export function settingsOutcome(
  o: SettingsOutcomeSpec, template: CompiledTemplate | null, ctx: ExplainContext, asOfDay: number, defaultWaitDays: number,
): { decision: Decision; reasons: ReasonExplained[]; recontact_after: string | null } {
  const recontact = o.decision === 'wait' ? isoDateOfDay(asOfDay + (o.recontact_after_days ?? defaultWaitDays)) : null;
  const explanation = template ? renderTemplate(template, (ref) => lookup(ctx, null, recontact, ref)) : o.reason;
  return { decision: o.decision, reasons: [{ code: o.reason, explanation }], recontact_after: recontact };
}
