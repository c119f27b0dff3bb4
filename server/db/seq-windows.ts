/**
 * Reads a table's rows of one key (a dataset's leads, a run's results, a campaign's leads) in
 * order of their `seq`, one window of seq values at a time: `seq > after and seq <= after + width`.
 *
 * Why windows and not `seq > after order by seq limit n`: the embedded database (PGlite) never
 * runs autovacuum, so its tables have no statistics; the planner then guesses a handful of rows,
 * takes a bitmap scan, and computes every REMAINING row's columns (detoasting its JSON) before a
 * top-N sort keeps n of them. Each page then costs the rest of the table, a whole read costs
 * quadratic time, and on the embedded database that time blocks the server's thread (measured on
 * 20,000 results of ~10 KB: 400-700 ms a page of 250 vs 5 ms with a window). A closed range on
 * the (key, seq) index touches only the window's rows whatever the planner believes, on both
 * databases. seq values are dense per key in practice (1..n); gaps only make pages shorter.
 */
export interface SeqWindowSource<Row> {
  /** The largest seq of the key right now (null when it has no rows): `select max(seq)`, an index probe. */
  maxSeq(): Promise<number | null>;
  /** The rows with after < seq <= upTo, in seq order. */
  read(after: number, upTo: number): Promise<Row[]>;
}

/** Yields the non-empty windows in seq order; rows added beyond the end while reading are read too. */
export async function* seqWindows<Row>(source: SeqWindowSource<Row>, width: number, after = 0): AsyncGenerator<Row[]> {
  const step = Math.max(1, Math.floor(width));
  let end = await source.maxSeq();
  while (end != null && after < end) {
    while (after < end) {
      const upTo = Math.min(end, after + step);
      const rows = await source.read(after, upTo);
      after = upTo;
      if (rows.length) yield rows;
    }
    end = await source.maxSeq();
  }
}
