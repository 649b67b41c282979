import { describe, expect, it } from "vitest";
import {
  clipInterval,
  clipIntervals,
  complementIntervals,
  expandInterval,
  mergeIntervals,
  overlaps,
  subtractIntervals,
} from "../../src/scheduling/index.js";

const iv = (start: number, end: number) => ({ start, end });

describe("overlaps", () => {
  it("is false for touching intervals and true for a shared instant", () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(10, 20), iv(0, 10))).toBe(false);
    expect(overlaps(iv(0, 11), iv(10, 20))).toBe(true);
    expect(overlaps(iv(0, 100), iv(40, 50))).toBe(true);
    expect(overlaps(iv(5, 5), iv(0, 10))).toBe(false);
  });

  it("a buffer turns touching into overlapping", () => {
    const a = iv(0, 3_600_000);
    const b = iv(3_600_000, 7_200_000);
    expect(overlaps(a, b)).toBe(false);
    expect(expandInterval(b, 15)).toEqual(iv(2_700_000, 8_100_000));
    expect(overlaps(a, expandInterval(b, 15))).toBe(true);
  });
});

describe("mergeIntervals", () => {
  it("joins overlapping and touching intervals, sorts, drops empty ones, leaves input alone", () => {
    const input = [iv(30, 40), iv(0, 10), iv(10, 15), iv(12, 20), iv(50, 50), iv(35, 45)];
    const copy = structuredClone(input);
    expect(mergeIntervals(input)).toEqual([iv(0, 20), iv(30, 45)]);
    expect(input).toEqual(copy);
    expect(mergeIntervals([])).toEqual([]);
  });
});

describe("subtractIntervals", () => {
  it("cuts holes, trims edges and removes covered parts", () => {
    expect(subtractIntervals([iv(0, 100)], [iv(10, 20), iv(30, 40)])).toEqual([
      iv(0, 10),
      iv(20, 30),
      iv(40, 100),
    ]);
    expect(subtractIntervals([iv(0, 100)], [iv(-5, 10), iv(90, 120)])).toEqual([iv(10, 90)]);
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(0, 5), iv(25, 30)]);
    expect(subtractIntervals([iv(0, 10)], [iv(0, 10)])).toEqual([]);
    expect(subtractIntervals([iv(0, 10)], [iv(10, 20)])).toEqual([iv(0, 10)]);
  });

  it("handles one cut spanning several pieces, in any order", () => {
    expect(subtractIntervals([iv(20, 30), iv(0, 10), iv(40, 50)], [iv(45, 60), iv(5, 25)])).toEqual([
      iv(0, 5),
      iv(25, 30),
      iv(40, 45),
    ]);
  });

  it("complement gives the free parts of bounds", () => {
    expect(complementIntervals([iv(10, 20), iv(15, 30)], iv(0, 40))).toEqual([iv(0, 10), iv(30, 40)]);
    expect(complementIntervals([], iv(0, 40))).toEqual([iv(0, 40)]);
  });
});

describe("clip", () => {
  it("keeps the part inside bounds or nothing", () => {
    expect(clipInterval(iv(0, 50), iv(10, 20))).toEqual(iv(10, 20));
    expect(clipInterval(iv(0, 10), iv(10, 20))).toBeNull();
    expect(clipIntervals([iv(0, 15), iv(20, 30), iv(18, 19)], iv(10, 20))).toEqual([iv(10, 15), iv(18, 19)]);
  });
});
