/**
 * @module The survey links' guard against guessing: each link that opens nothing (unknown, malformed or
 * expired) counts against the client's address; once MISSES_PER_HOUR are used up, EVERY `/f/…` request
 * from that address answers 429 until the hour is over — valid links too, so the limit itself never tells
 * a guesser which tokens exist. Links that open a survey count nothing, so a delegation answering from
 * one office network is not held back.
 */
import { clientAddress } from "../http/client-address";
import type { AppContext } from "../http/context";
import { AppError } from "../http/errors";
import { enforceRateLimit, rateLimitHits } from "../http/rate-limit";

export const MISSES_PER_HOUR = 20;
const WINDOW_MS = 3_600_000;

function ruleFor(c: AppContext) {
  const { config, socketAddress, clock } = c.get("deps");
  const ip = clientAddress(c, socketAddress, config.trustProxyHops);
  return { key: `survey-miss:ip:${ip}`, limit: MISSES_PER_HOUR, windowMs: WINDOW_MS, now: clock() };
}

/** Throws `rate_limited` (429) when this address has used up its misses. */
export async function refuseWhenGuessing(c: AppContext): Promise<void> {
  const rule = ruleFor(c);
  if ((await rateLimitHits(c.get("deps").db, rule)) >= rule.limit)
    throw new AppError("rate_limited", {
      headers: { "Retry-After": String(Math.ceil((WINDOW_MS - (rule.now.getTime() % WINDOW_MS)) / 1000)) },
    });
}

/** Counts one link that opened nothing. */
export async function countMiss(c: AppContext): Promise<void> {
  await enforceRateLimit(c.get("deps").db, ruleFor(c));
}
