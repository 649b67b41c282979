/**
 * @module Caps how many password hashes run at once in this process (default 2) and how many may wait
 * (default 32); beyond that the request is refused with 429 and a short Retry-After instead of queueing
 * without bound. scrypt is deliberately expensive: unbounded, a burst of sign-ins would starve everything
 * else (health probes, pages) of CPU and memory.
 */
import { AppError } from "../http/errors";
import type { PasswordHasher } from "./password";

interface HashingLimits {
  concurrent: number;
  queued: number;
}

const DEFAULT_HASHING_LIMITS: HashingLimits = { concurrent: 2, queued: 32 };

export function limitHashing(inner: PasswordHasher, limits = DEFAULT_HASHING_LIMITS): PasswordHasher {
  let running = 0;
  const waiting: (() => void)[] = [];
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= limits.concurrent) {
      if (waiting.length >= limits.queued) {
        throw new AppError("rate_limited", { messageKey: "error.busy", headers: { "Retry-After": "5" } });
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running += 1;
    }
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      // Hand the slot straight to the next waiter; otherwise free it.
      if (next) next();
      else running -= 1;
    }
  };
  return {
    hash: (password) => run(() => inner.hash(password)),
    verify: (stored, password) => run(() => inner.verify(stored, password)),
  };
}
