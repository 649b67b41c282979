/**
 * @module A per-process memo for "what version is this agenda/feed at" lookups, which otherwise run one
 * aggregate query on every request (most of the cost of a 304). An entry is trusted while this process has
 * finished no write since it was read (`db.writes()`, so our own edits show at once) and for less than
 * `ttlMs` by the app clock (the bound on edits made by another process or Worker). Bounded by lru-cache:
 * the least recently used entry goes first.
 */
import { LRUCache } from "lru-cache";
import type { Db } from "./client";

export interface FreshMemo<T> {
  get(key: string, load: () => Promise<T | null>): Promise<T | null>;
  clear(): void;
}

export function freshMemo<T>(options: {
  db: Db;
  clock: () => Date;
  ttlMs: number;
  max?: number;
}): FreshMemo<T> {
  // The age check stays here rather than in lru-cache's `ttl`: that one counts an entry as fresh up to and
  // including `ttl` and by its own clock; this one expires at `ttlMs` by the app clock (tests move it).
  const entries = new LRUCache<string, { value: T; writes: number; at: number }>({
    max: options.max ?? 2000,
  });
  return {
    async get(key, load) {
      const now = options.clock().getTime();
      const writes = options.db.writes();
      const hit = entries.get(key);
      if (hit && hit.writes === writes && now >= hit.at && now - hit.at < options.ttlMs) return hit.value;
      // Read the write count before the query: a write finishing meanwhile invalidates this entry.
      const value = await load();
      if (value === null) entries.delete(key);
      else entries.set(key, { value, writes, at: now });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
