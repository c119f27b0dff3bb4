/**
 * Grounding highlights without HTML: a text is split into plain segments, some of which carry
 * the issue they quote. Components render each segment as text (a <mark> for issues), so model
 * and CRM text is never interpreted as markup.
 */
import type { GroundingIssue } from './types.ts';

export interface IssueSegment {
  text: string;
  issue: GroundingIssue | null;
}

/** Splits `text` at every (case-insensitive) occurrence of an issue's quoted span; longer spans win overlaps. */
export function issueSegments(text: string, issues: readonly GroundingIssue[] | null | undefined): IssueSegment[] {
  if (!text) return [];
  const list = (issues ?? []).filter((i) => i.text && i.text.trim().length > 0);
  if (!list.length) return [{ text, issue: null }];
  const lower = text.toLowerCase();
  const ranges: { start: number; end: number; issue: GroundingIssue }[] = [];
  for (const issue of [...list].sort((a, b) => b.text.length - a.text.length)) {
    const needle = issue.text.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      if (!ranges.some((r) => at < r.end && end > r.start)) ranges.push({ start: at, end, issue });
      from = end;
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const out: IssueSegment[] = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) out.push({ text: text.slice(pos, r.start), issue: null });
    out.push({ text: text.slice(r.start, r.end), issue: r.issue });
    pos = r.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), issue: null });
  return out;
}

/** Issues whose quoted span appears nowhere in the given texts (shown in a list instead). */
export function unplacedIssues(texts: readonly (string | null | undefined)[], issues: readonly GroundingIssue[] | null | undefined): GroundingIssue[] {
  const all = texts.filter(Boolean).join('\n').toLowerCase();
  return (issues ?? []).filter((i) => !i.text || !all.includes(i.text.toLowerCase()));
}
