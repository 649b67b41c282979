/** @module Small statistics and printing helpers for the bench. */

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Times `fn` once in milliseconds (high resolution). */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** One printed figure with an optional target ("≤ 2 ms"). */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Upper bound the figure should stay under, if it has one. */
  target?: number;
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    const value = f.unit === "ms" ? f.value.toFixed(3) : f.value.toFixed(f.unit === "×" ? 3 : 0);
    const target =
      f.target === undefined
        ? ""
        : `   target ≤ ${f.target} ${f.unit}  ${f.value <= f.target ? "ok" : "MISSED"}`;
    console.log(`  ${f.label.padEnd(48)} ${value.padStart(12)} ${f.unit}${target}`);
  }
}

/** A deterministic PRNG (mulberry32) so a scale always generates the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
