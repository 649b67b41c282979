/**
 * @module The edge end-to-end run's checks: each prints one line (ok / FAIL with the reason and its time);
 * `summary()` gives the closing "N passed, N failed" counts.
 */

const results: { name: string; ok: boolean; detail?: string }[] = [];

export async function check(name: string, fn: () => Promise<unknown>) {
  const started = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(
      `  ok    ${name}${typeof note === "string" ? ` — ${note}` : ""} (${Date.now() - started} ms)`,
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  FAIL  ${name}: ${detail}`);
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Records a check made outside `check()` (set-up failure, processes stopped). */
export function record(name: string, ok: boolean, detail?: string) {
  results.push({ name, ok, detail });
  console.log(`  ${ok ? "ok  " : "FAIL"}  ${name}${detail ? `: ${detail}` : ""}`);
}

export function summary(): { passed: number; failed: number } {
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed };
}
