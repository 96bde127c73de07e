/** Small timing helpers: medians and p95 of repeated runs, and the longest block of the event loop. */

export interface Timing {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: sorted.length };
}

export const round = (ms: number) => Math.round(ms * 100) / 100;

export async function timeRuns(runs: number, once: () => Promise<unknown> | unknown): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * Runs `work` while a 1 ms ticker watches the event loop; the longest gap between ticks is how
 * long the process (Electron's main, in the app) could not answer anything else.
 */
export async function longestBlockDuring<T>(work: () => Promise<T>): Promise<{ result: T; longestBlockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  last = started;
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestBlockMs: round(longest) };
  } finally {
    clearInterval(ticker);
  }
}
