/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again. V8's own choice goes up to 4x while a process allocates fast, which is what an import
 * does (every CSV row, staged row and lead record is short-lived): measured on the two-file CRM
 * import, the heap in use rose from ~55 MB live to 190-260 MB of mostly garbage, a third of the
 * server's peak RSS. At 1.5x the peak heap is ~95 MB for the same server CPU time (bench/import.ts).
 *
 * Process-wide (all isolates: the API and the evaluation thread); the flag is read each time V8
 * sets the next limit, so setting it after start takes effect from the next collection on.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

let applied = false;

export function limitHeapGrowth(): void {
  if (applied) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  applied = true;
}
