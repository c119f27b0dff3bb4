/**
 * Quality gates (CONTRACTS.md section 6): a YAML list of `{ metric, min?, max?, max_drop?,
 * min_delta?, max_increase? }`. Absolute bounds compare the run's value; `max_drop`, `min_delta`
 * and `max_increase` compare it with a baseline run's value. `evaluateGates` is pure: the CLI
 * and release approval both call it.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { HEADLINE_METRICS, type HeadlineMetric } from '../../domain/metrics/eval-metrics.ts';

export const Gate = z
  .strictObject({
    metric: z.enum(HEADLINE_METRICS),
    min: z.number().optional(),
    max: z.number().optional(),
    /** baseline - value may be at most this (a drop of a "higher is better" metric). */
    max_drop: z.number().min(0).optional(),
    /** value - baseline must be at least this. */
    min_delta: z.number().optional(),
    /** value - baseline may be at most this (a rise of a "lower is better" metric). */
    max_increase: z.number().min(0).optional(),
    description: z.string().optional(),
  })
  .refine((g) => [g.min, g.max, g.max_drop, g.min_delta, g.max_increase].some((v) => v !== undefined), {
    message: 'a gate needs at least one of min, max, max_drop, min_delta, max_increase',
  });
export type Gate = z.infer<typeof Gate>;

export const GateFile = z.strictObject({ gates: z.array(Gate).min(1) });

export class GateFileError extends Error {
  override name = 'GateFileError';
}

export function parseGates(text: string, source = 'gate file'): Gate[] {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new GateFileError(`${source}: not valid YAML (${(e as Error).message})`);
  }
  const parsed = GateFile.safeParse(raw);
  if (!parsed.success) {
    throw new GateFileError(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data.gates;
}

export function loadGatesFile(file: string): Gate[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new GateFileError(`cannot read ${file}: ${(e as Error).message}`);
  }
  return parseGates(text, file);
}

export type GateStatus = 'pass' | 'fail' | 'skipped';

export interface GateCheck {
  kind: 'min' | 'max' | 'max_drop' | 'min_delta' | 'max_increase';
  threshold: number;
  passed: boolean;
}

export interface GateResult {
  metric: HeadlineMetric;
  status: GateStatus;
  value: number;
  baseline: number | null;
  checks: GateCheck[];
  /** One line: `dnc_recall 0.81 (baseline 0.84, drop 0.03 > max_drop 0.02)`. */
  message: string;
}

export interface GateEvaluation {
  passed: boolean;
  results: GateResult[];
  failed: HeadlineMetric[];
}

// Floating error must not fail a gate set exactly at the achieved value.
const EPS = 1e-9;
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, ''));

export function evaluateGates(
  metrics: Readonly<Record<HeadlineMetric, number>>,
  gates: readonly Gate[],
  baselineMetrics?: Readonly<Record<HeadlineMetric, number>> | null,
): GateEvaluation {
  const results = gates.map((gate): GateResult => {
    const value = metrics[gate.metric];
    const baseline = baselineMetrics ? baselineMetrics[gate.metric] : null;
    const checks: GateCheck[] = [];
    const notes: string[] = [];
    let skipped = false;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return { metric: gate.metric, status: 'fail', value: NaN, baseline, checks, message: `${gate.metric}: no value` };
    }
    if (gate.min !== undefined) {
      const passed = value >= gate.min - EPS;
      checks.push({ kind: 'min', threshold: gate.min, passed });
      if (!passed) notes.push(`< min ${fmt(gate.min)}`);
    }
    if (gate.max !== undefined) {
      const passed = value <= gate.max + EPS;
      checks.push({ kind: 'max', threshold: gate.max, passed });
      if (!passed) notes.push(`> max ${fmt(gate.max)}`);
    }
    for (const kind of ['max_drop', 'min_delta', 'max_increase'] as const) {
      const threshold = gate[kind];
      if (threshold === undefined) continue;
      if (baseline === null || baseline === undefined) {
        skipped = true;
        notes.push(`${kind} needs a baseline`);
        continue;
      }
      const delta = value - baseline;
      const passed =
        kind === 'max_drop' ? -delta <= threshold + EPS : kind === 'min_delta' ? delta >= threshold - EPS : delta <= threshold + EPS;
      checks.push({ kind, threshold, passed });
      if (!passed) {
        notes.push(
          kind === 'max_drop'
            ? `drop ${fmt(-delta)} > max_drop ${fmt(threshold)}`
            : kind === 'min_delta'
              ? `delta ${fmt(delta)} < min_delta ${fmt(threshold)}`
              : `increase ${fmt(delta)} > max_increase ${fmt(threshold)}`,
        );
      }
    }
    const failed = checks.some((c) => !c.passed);
    const status: GateStatus = failed ? 'fail' : skipped && !checks.length ? 'skipped' : 'pass';
    const base = baseline !== null && baseline !== undefined ? ` (baseline ${fmt(baseline)})` : '';
    const message = `${gate.metric} ${fmt(value)}${base}${notes.length ? `: ${notes.join(', ')}` : ''}`;
    return { metric: gate.metric, status, value, baseline, checks, message };
  });
  const failed = results.filter((r) => r.status === 'fail').map((r) => r.metric);
  return { passed: failed.length === 0, results, failed };
}
