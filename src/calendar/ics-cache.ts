/**
 * @module In-memory LRU of built calendars, so a calendar is built when the agenda changes, not per request.
 *
 * One entry per (kind, id): a newer version replaces the older one, so stale versions never pile up. A
 * lookup for another version misses. Bounded by lru-cache (default 500 entries), least recently used
 * evicted first. No timers, no clock; per process (each Worker isolate has its own), so it is only ever a
 * cache.
 */

import { LRUCache } from "lru-cache";
import { makeEtag } from "./etag.js";

export interface IcsCacheKey {
  /** What the calendar is, e.g. `itinerary`, `feed`, `invite-request`. */
  kind: string;
  id: string;
  /** The agenda version the body was built from. */
  version: string | number;
}

export interface IcsCacheEntry {
  body: string;
  etag: string;
}

interface Slot extends IcsCacheEntry {
  version: string;
}

/** The string an ETag is derived from; stable for one (kind, id, version). */
export function icsVersionKey(key: IcsCacheKey): string {
  return JSON.stringify([key.kind, key.id, String(key.version)]);
}

const slotKeyOf = (key: { kind: string; id: string }) => JSON.stringify([key.kind, key.id]);

export class IcsCache {
  readonly maxEntries: number;
  readonly #slots: LRUCache<string, Slot>;
  readonly #inFlight = new Map<string, Promise<IcsCacheEntry>>();

  constructor(options: { maxEntries?: number } = {}) {
    const max = options.maxEntries ?? 500;
    if (!Number.isInteger(max) || max < 1) throw new Error("IcsCache: maxEntries must be a positive integer");
    this.maxEntries = max;
    this.#slots = new LRUCache({ max });
  }

  get size(): number {
    return this.#slots.size;
  }

  get(key: IcsCacheKey): IcsCacheEntry | undefined {
    const slotKey = slotKeyOf(key);
    // peek first: a lookup for another version is a miss and must not make the slot recent.
    const slot = this.#slots.peek(slotKey);
    if (!slot || slot.version !== String(key.version)) return undefined;
    this.#slots.get(slotKey);
    return { body: slot.body, etag: slot.etag };
  }

  set(key: IcsCacheKey, entry: IcsCacheEntry): void {
    this.#slots.set(slotKeyOf(key), { ...entry, version: String(key.version) });
  }

  /** Drops every version of (kind, id), e.g. when a share link is revoked. */
  delete(kind: string, id: string): void {
    this.#slots.delete(slotKeyOf({ kind, id }));
  }

  clear(): void {
    this.#slots.clear();
  }

  /**
   * The cached entry, or `build()` once (concurrent callers for the same key share one build) and cache it.
   * The ETag comes from `makeEtag(icsVersionKey(key))`. A failed build is not cached.
   */
  async getOrBuild(key: IcsCacheKey, build: () => string | Promise<string>): Promise<IcsCacheEntry> {
    const hit = this.get(key);
    if (hit) return hit;
    const versionKey = icsVersionKey(key);
    const pending = this.#inFlight.get(versionKey);
    if (pending) return pending;
    const promise = (async () => {
      const [body, etag] = await Promise.all([build(), makeEtag(versionKey)]);
      const entry = { body, etag };
      this.set(key, entry);
      return entry;
    })();
    this.#inFlight.set(versionKey, promise);
    try {
      return await promise;
    } finally {
      this.#inFlight.delete(versionKey);
    }
  }
}
