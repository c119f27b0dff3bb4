/**
 * Samples the process's resident memory while a benchmark runs; reports the peak in MB, and per
 * phase (lap) the peaks of what RSS is made of: the V8 heap in use, and memory outside the heap
 * (`external`: Buffers, PGlite's WASM memory, pg's buffers), so a figure says where memory went.
 */
export interface MemoryPeaks { rss: number; heapUsed: number; heapTotal: number; external: number }

const KEYS = ['rss', 'heapUsed', 'heapTotal', 'external'] as const;
const mb = (n: number) => Math.round(n / 1024 / 1024);
const zero = (): MemoryPeaks => ({ rss: 0, heapUsed: 0, heapTotal: 0, external: 0 });

export function startMemorySampler(intervalMs = 25) {
  let peakRss = 0;
  let phase = zero();
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    for (const k of KEYS) phase[k] = Math.max(phase[k], m[k]);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    /** Peaks (MB) since the previous lap or the start; the next lap starts now. */
    lap(): MemoryPeaks {
      sample();
      const out = Object.fromEntries(KEYS.map((k) => [k, mb(phase[k])])) as unknown as MemoryPeaks;
      phase = zero();
      return out;
    },
    stop(): { peakMb: number } {
      clearInterval(timer);
      sample();
      return { peakMb: mb(peakRss) };
    },
  };
}
