/** Samples the process's resident memory while a benchmark runs; reports the peak in MB. */
export function startMemorySampler(intervalMs = 25) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), intervalMs);
  return {
    stop(): { peakMb: number } {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { peakMb: Math.round(peak / 1024 / 1024) };
    },
  };
}
