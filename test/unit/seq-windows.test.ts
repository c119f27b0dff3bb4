/**
 * seqWindows (server/db/seq-windows.ts): every row once, in seq order, with gaps in seq (shorter
 * or skipped windows), rows added beyond the end while reading, and no rows at all.
 */
import { describe, expect, it } from 'vitest';
import { seqWindows } from '../../server/db/seq-windows.ts';

function table(seqs: number[]) {
  const rows = [...seqs];
  const reads: [number, number][] = [];
  return {
    rows,
    reads,
    source: {
      maxSeq: async () => (rows.length ? Math.max(...rows) : null),
      read: async (after: number, upTo: number) => {
        reads.push([after, upTo]);
        return rows.filter((s) => s > after && s <= upTo).sort((a, b) => a - b);
      },
    },
  };
}

async function all(source: ReturnType<typeof table>['source'], width: number, after?: number) {
  const pages: number[][] = [];
  for await (const page of seqWindows(source, width, after)) pages.push(page);
  return pages;
}

describe('seqWindows', () => {
  it('reads dense seqs in windows of the width, each row once', async () => {
    const t = table(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await all(t.source, 4)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
    expect(t.reads).toEqual([[0, 4], [4, 8], [8, 10]]);
  });

  it('skips empty windows and keeps order across gaps; starts after the given seq', async () => {
    const t = table([0, 1, 2, 50, 51, 99]);
    expect((await all(t.source, 10, -1)).flat()).toEqual([0, 1, 2, 50, 51, 99]);
    expect((await all(t.source, 10)).flat()).toEqual([1, 2, 50, 51, 99]);
  });

  it('reads rows added beyond the end while it reads, and nothing from an empty table', async () => {
    const t = table([1, 2, 3]);
    const seen: number[] = [];
    for await (const page of seqWindows(t.source, 2)) {
      seen.push(...page);
      if (seen.length === 3 && t.rows.length === 3) t.rows.push(4, 5);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(await all(table([]).source, 5)).toEqual([]);
  });
});
