/**
 * @module Fails any test that logs through console.error: unexpected noise hides bugs (Epic Stack's rule).
 * A test that expects an error log replaces console.error with its own spy first.
 */
import { afterEach, beforeEach, vi } from "vitest";

let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    const first = calls[0]?.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    throw new Error(`console.error was called ${calls.length} time(s); first: ${first}`);
  }
});
