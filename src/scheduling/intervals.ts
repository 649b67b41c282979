/**
 * @module Arithmetic on half-open intervals of epoch milliseconds.
 *
 * One thing to know: `[start, end)` everywhere, so touching intervals (one ends when the next starts) do not
 * overlap, and empty intervals (`end <= start`) are dropped by every function that returns a list.
 */
import type { Interval } from "./types.js";

/** Whether two intervals share at least one instant; touching ones don't, nor does an empty one. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/** The interval widened by `minutes` on both sides (a venue's buffer). */
export function expandInterval(interval: Interval, minutes: number): Interval {
  const pad = minutes * 60_000;
  return { start: interval.start - pad, end: interval.end + pad };
}

/** The part of `interval` inside `bounds`, or null when they don't overlap. */
export function clipInterval(interval: Interval, bounds: Interval): Interval | null {
  const start = Math.max(interval.start, bounds.start);
  const end = Math.min(interval.end, bounds.end);
  return start < end ? { start, end } : null;
}

/** Every interval clipped to `bounds`, dropping those outside it. Keeps the input order. */
export function clipIntervals(intervals: readonly Interval[], bounds: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    const c = clipInterval(i, bounds);
    if (c) out.push(c);
  }
  return out;
}

/** Sorted by start (then end), as a new array. */
export function sortIntervals<T extends Interval>(intervals: readonly T[]): T[] {
  return [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The union as sorted, disjoint intervals. Overlapping and touching intervals are joined (touching ones
 * cover a continuous stretch of time). Input in any order.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = sortIntervals(intervals);
  const out: Interval[] = [];
  let last: Interval | undefined;
  for (const i of sorted) {
    if (i.end <= i.start) continue;
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      last = { start: i.start, end: i.end };
      out.push(last);
    }
  }
  return out;
}

/** `from` minus everything in `remove`, as sorted, disjoint intervals. Inputs in any order. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const base = mergeIntervals(from);
  const cut = mergeIntervals(remove);
  const out: Interval[] = [];
  let j = 0;
  for (const b of base) {
    let cursor = b.start;
    while (j < cut.length && (cut[j] as Interval).end <= cursor) j++;
    let k = j;
    while (k < cut.length && (cut[k] as Interval).start < b.end) {
      const c = cut[k] as Interval;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      if (c.end > cursor) cursor = c.end;
      k++;
    }
    if (cursor < b.end) out.push({ start: cursor, end: b.end });
  }
  return out;
}

/** The parts of `bounds` not covered by `intervals` (its free time), sorted. */
export function complementIntervals(intervals: readonly Interval[], bounds: Interval): Interval[] {
  return subtractIntervals([bounds], intervals);
}
