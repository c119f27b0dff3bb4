/**
 * Splits a text into plain and marked segments where any of the needles occur (case-insensitive,
 * first needle wins on overlap). Pages render the segments as text nodes and <mark> elements:
 * no HTML is built from CRM or model text.
 */

export interface Segment {
  text: string;
  /** Index of the needle this segment matched, or null for plain text. */
  mark: number | null;
}

export function highlightSegments(text: string, needles: readonly string[]): Segment[] {
  const lower = text.toLowerCase();
  const marks: { from: number; to: number; needle: number }[] = [];
  needles.forEach((needle, index) => {
    const n = needle.trim().toLowerCase();
    if (!n) return;
    for (let at = lower.indexOf(n); at !== -1; at = lower.indexOf(n, at + n.length)) {
      const to = at + n.length;
      if (!marks.some((m) => at < m.to && to > m.from)) marks.push({ from: at, to, needle: index });
    }
  });
  marks.sort((a, b) => a.from - b.from);
  const out: Segment[] = [];
  let pos = 0;
  for (const m of marks) {
    if (m.from > pos) out.push({ text: text.slice(pos, m.from), mark: null });
    out.push({ text: text.slice(m.from, m.to), mark: m.needle });
    pos = m.to;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: null });
  return out;
}
