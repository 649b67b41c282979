import { describe, expect, it } from "vitest";
import { IcsCache, icsVersionKey, makeEtag } from "../../src/calendar/index.js";

const key = (id: string, version: number | string = 1) => ({ kind: "feed", id, version });

describe("IcsCache", () => {
  it("returns what was set for the same (kind, id, version) and misses for another version or kind", () => {
    const cache = new IcsCache();
    cache.set(key("d1", 3), { body: "B3", etag: '"e3"' });
    expect(cache.get(key("d1", 3))).toEqual({ body: "B3", etag: '"e3"' });
    expect(cache.get(key("d1", "3"))).toEqual({ body: "B3", etag: '"e3"' });
    expect(cache.get(key("d1", 4))).toBeUndefined();
    expect(cache.get({ kind: "itinerary", id: "d1", version: 3 })).toBeUndefined();
  });

  it("keeps one version per (kind, id): a newer one replaces the older", () => {
    const cache = new IcsCache();
    cache.set(key("d1", 1), { body: "B1", etag: '"e1"' });
    cache.set(key("d1", 2), { body: "B2", etag: '"e2"' });
    expect(cache.size).toBe(1);
    expect(cache.get(key("d1", 1))).toBeUndefined();
    expect(cache.get(key("d1", 2))?.body).toBe("B2");
  });

  it("evicts the least recently used entry beyond maxEntries", () => {
    const cache = new IcsCache({ maxEntries: 3 });
    for (const id of ["a", "b", "c"]) cache.set(key(id), { body: id, etag: `"${id}"` });
    expect(cache.get(key("a"))?.body).toBe("a"); // a is now most recent; b is the oldest
    cache.set(key("d"), { body: "d", etag: '"d"' });
    expect(cache.size).toBe(3);
    expect(cache.get(key("b"))).toBeUndefined();
    expect(cache.get(key("a"))?.body).toBe("a");
    expect(cache.get(key("c"))?.body).toBe("c");
    expect(cache.get(key("d"))?.body).toBe("d");
  });

  it("defaults to 500 entries and refuses a nonsense bound", () => {
    const cache = new IcsCache();
    expect(cache.maxEntries).toBe(500);
    for (let i = 0; i < 501; i++) cache.set(key(`d${i}`), { body: "", etag: '""' });
    expect(cache.size).toBe(500);
    expect(cache.get(key("d0"))).toBeUndefined();
    expect(cache.get(key("d500"))).toBeDefined();
    expect(() => new IcsCache({ maxEntries: 0 })).toThrow();
  });

  it("getOrBuild builds once per version, shares a concurrent build, and derives the ETag from the key", async () => {
    const cache = new IcsCache();
    let builds = 0;
    const build = async () => {
      builds++;
      return `BODY${builds}`;
    };
    const [a, b] = await Promise.all([
      cache.getOrBuild(key("d1", 5), build),
      cache.getOrBuild(key("d1", 5), build),
    ]);
    expect(builds).toBe(1);
    expect(a).toEqual(b);
    expect(a.etag).toBe(await makeEtag(icsVersionKey(key("d1", 5))));
    expect((await cache.getOrBuild(key("d1", 5), build)).body).toBe("BODY1");
    expect(builds).toBe(1);
    const next = await cache.getOrBuild(key("d1", 6), build);
    expect(builds).toBe(2);
    expect(next.body).toBe("BODY2");
    expect(next.etag).not.toBe(a.etag);
  });

  it("does not cache a failed build", async () => {
    const cache = new IcsCache();
    await expect(
      cache.getOrBuild(key("d1"), () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(cache.size).toBe(0);
    expect((await cache.getOrBuild(key("d1"), () => "ok")).body).toBe("ok");
  });

  it("delete and clear drop entries", () => {
    const cache = new IcsCache();
    cache.set(key("a"), { body: "a", etag: '"a"' });
    cache.set(key("b"), { body: "b", etag: '"b"' });
    cache.delete("feed", "a");
    expect(cache.get(key("a"))).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
