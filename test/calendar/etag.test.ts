import { describe, expect, it } from "vitest";
import { ifNoneMatch, makeEtag } from "../../src/calendar/index.js";

describe("makeEtag", () => {
  it("is a strong, quoted, deterministic tag that differs per version key", async () => {
    const a = await makeEtag('["feed","d1","7"]');
    expect(a).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await makeEtag('["feed","d1","7"]')).toBe(a);
    expect(await makeEtag('["feed","d1","8"]')).not.toBe(a);
    expect(await makeEtag('["feed","d2","7"]')).not.toBe(a);
  });
});

describe("ifNoneMatch", () => {
  const etag = '"abc123"';
  it.each([
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"zzz", "abc123"', true],
    ['"zzz",W/"abc123"', true],
    ['  "x,y" , "abc123"  ', true],
    ["*", true],
    [" * ", true],
    ['"abc12"', false],
    ['"abc1234"', false],
    ["abc123", false],
    ['"zzz", "yyy"', false],
    ['"x,"abc123""', false],
    ["", false],
  ])("If-None-Match %j → %s", (header, expected) => {
    expect(ifNoneMatch(header, etag)).toBe(expected);
  });

  it("matches a weak stored tag too, and handles a missing header", () => {
    expect(ifNoneMatch('"abc123"', 'W/"abc123"')).toBe(true);
    expect(ifNoneMatch(null, etag)).toBe(false);
    expect(ifNoneMatch(undefined, etag)).toBe(false);
  });

  it("works end to end with makeEtag", async () => {
    const tag = await makeEtag("k");
    expect(ifNoneMatch(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatch(await makeEtag("k2"), tag)).toBe(false);
  });
});
