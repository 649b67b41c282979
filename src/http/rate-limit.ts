/**
 * @module A fixed-window rate limit kept in the database, so it holds across processes and Workers:
 * `limit` hits per `windowMs` per key, then 429 `rate_limited` with Retry-After.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rateLimitCounters } from "../../db/schema/rate-limits";
import { AppError } from "./errors";

interface RateLimitRule {
  /** e.g. `visit-request:ip:1.2.3.4` */
  key: string;
  limit: number;
  windowMs: number;
  now: Date;
}

/** Counts one hit; throws `rate_limited` when the window's limit is already used up. */
export async function enforceRateLimit(db: Db, { key, limit, windowMs, now }: RateLimitRule): Promise<void> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const hits = await db.writeTransaction(async (tx) => {
    await tx
      .delete(rateLimitCounters)
      .where(and(eq(rateLimitCounters.key, key), lt(rateLimitCounters.windowStart, windowStart)));
    const row = await tx
      .insert(rateLimitCounters)
      .values({ key, windowStart, hits: 1 })
      .onConflictDoUpdate({
        target: [rateLimitCounters.key, rateLimitCounters.windowStart],
        set: { hits: sql`${rateLimitCounters.hits} + 1` },
      })
      .returning({ hits: rateLimitCounters.hits })
      .get();
    return row.hits;
  });
  if (hits > limit) {
    const retryAfter = Math.ceil((windowStart + windowMs - now.getTime()) / 1000);
    throw new AppError("rate_limited", { headers: { "Retry-After": String(Math.max(1, retryAfter)) } });
  }
}

/** The hits already counted for `key` in the current window (a read, counts nothing). */
export async function rateLimitHits(
  db: Db,
  { key, windowMs, now }: Omit<RateLimitRule, "limit">,
): Promise<number> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const row = await db.orm
    .select({ hits: rateLimitCounters.hits })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, windowStart)))
    .get();
  return row?.hits ?? 0;
}
