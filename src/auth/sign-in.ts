/**
 * @module Checks e-mail and password under a failure limit: 5 failures in 15 minutes per account or per
 * client address answer 429 until the window passes. Unknown account, wrong password and disabled account
 * all get the same message, and an unknown account still costs one hash verification (no timing hint).
 *
 * NOTE: the attempt is *reserved* (a `pending` row, counted like a failure) in one write transaction
 * before the password is hashed, and only then checked; a burst of parallel guesses therefore gets at most
 * five hashes, the rest 429 at once. A client address the account signed in from during the last 30 days
 * is held only to its own failures, so strangers failing from elsewhere cannot lock the owner out; the
 * account's lock is recorded in the audit log (`auth.sign_in_locked`) for admins.
 */
import { and, count, eq, gt, inArray, lt, ne, or } from "drizzle-orm";
import type { Db, Transaction } from "../../db/client";
import { signInAttempts, users } from "../../db/schema/auth";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record";
import type { CurrentUser } from "../http/context";
import { AppError } from "../http/errors";
import { auditedTransaction } from "../http/service-context";
import type { PasswordHasher } from "./password";

const SIGN_IN_WINDOW_MS = 15 * 60_000;
const SIGN_IN_MAX_FAILURES = 5;
/** How long a successful sign-in makes its address "known" for the account. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;
/** Password checks one account, or one address, may have running at once in this process. */
const MAX_CONCURRENT_PER_KEY = 2;
// A real hash of a random password, so unknown accounts take as long as known ones.
const DUMMY_HASH = "$scrypt$ln=14,r=8,p=5$ad_7OfJJwTpfzI_HaJBY0g$-ESuHQzIia4TJy-UbqcFg2sKVt6_Mqeh8ZlLfVmcskk";
const COUNTED = ["pending", "failed"] as const;

interface SignInInput {
  email: string;
  password: string;
  ip: string;
  now: Date;
}

function rateLimited(): AppError {
  return new AppError("rate_limited", {
    messageKey: "auth.tooManyAttempts",
    headers: { "Retry-After": String(SIGN_IN_WINDOW_MS / 1000) },
  });
}

async function countWhere(tx: Transaction, where: ReturnType<typeof and>): Promise<number> {
  const row = await tx.select({ n: count() }).from(signInAttempts).where(where).get();
  return row?.n ?? 0;
}

/** Reserves one attempt, or returns null when the account or the address is at its limit. */
async function reserveAttempt(db: Db, email: string, ip: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return db.writeTransaction(async (tx) => {
    const known =
      (await countWhere(
        tx,
        and(
          eq(signInAttempts.email, email),
          eq(signInAttempts.ip, ip),
          eq(signInAttempts.outcome, "succeeded"),
        ),
      )) > 0;
    const recent = and(gt(signInAttempts.at, since), inArray(signInAttempts.outcome, COUNTED));
    const byIp = await countWhere(tx, and(recent, eq(signInAttempts.ip, ip)));
    const byAccount = await countWhere(
      tx,
      and(recent, eq(signInAttempts.email, email), known ? eq(signInAttempts.ip, ip) : undefined),
    );
    if (byIp >= SIGN_IN_MAX_FAILURES || byAccount >= SIGN_IN_MAX_FAILURES) return null;
    const row = await tx
      .insert(signInAttempts)
      .values({ email, ip, at: now, outcome: "pending" })
      .returning({ id: signInAttempts.id })
      .get();
    return row.id;
  });
}

async function recordFailure(
  db: Db,
  attemptId: number,
  { email, ip, now, userId }: { email: string; ip: string; now: Date; userId: string | null },
) {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const transaction = auditedTransaction(db, { id: userId, label: email }, now);
  await transaction(async (tx, audit) => {
    // Housekeeping on the failure path only, so a good sign-in stays cheap.
    await tx
      .delete(signInAttempts)
      .where(
        or(
          and(ne(signInAttempts.outcome, "succeeded"), lt(signInAttempts.at, since)),
          lt(signInAttempts.at, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
        ),
      );
    await tx.update(signInAttempts).set({ outcome: "failed" }).where(eq(signInAttempts.id, attemptId));
    await audit("auth.sign_in_failed", { type: "user", id: userId ?? email }, undefined, { ip });
    const failures = await countWhere(
      tx,
      and(
        eq(signInAttempts.email, email),
        gt(signInAttempts.at, since),
        eq(signInAttempts.outcome, "failed"),
      ),
    );
    // Tell admins once, when the account reaches the limit (new addresses are held back from now on).
    // The lock is the system's doing, not the person's who failed: a second actor in the same transaction,
    // which the transaction's `audit` (bound to one actor) cannot record.
    if (userId && failures === SIGN_IN_MAX_FAILURES) {
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "auth.sign_in_locked",
        entityType: "user",
        entityId: userId,
        after: { failures, windowMinutes: SIGN_IN_WINDOW_MS / 60_000, lastIp: ip },
        now,
      });
    }
  });
}

/** In-process count of password checks under way per key (account, address). */
class InFlight {
  private readonly counts = new Map<string, number>();
  tryEnter(keys: string[], max: number): boolean {
    if (keys.some((k) => (this.counts.get(k) ?? 0) >= max)) return false;
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    return true;
  }
  leave(keys: string[]) {
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 1) - 1;
      if (n <= 0) this.counts.delete(k);
      else this.counts.set(k, n);
    }
  }
}

export type CheckCredentials = (
  deps: { db: Db; passwords: PasswordHasher },
  input: SignInInput,
) => Promise<CurrentUser>;

/** Returns the checker; one per app, holding the in-process concurrency counts. */
export function createCredentialChecker(): CheckCredentials {
  const inFlight = new InFlight();
  return async ({ db, passwords }, { email, password, ip, now }) => {
    const normalized = email.trim().toLowerCase();
    const keys = [`account:${normalized}`, `ip:${ip}`];
    if (!inFlight.tryEnter(keys, MAX_CONCURRENT_PER_KEY)) throw rateLimited();
    try {
      const attemptId = await reserveAttempt(db, normalized, ip, now);
      if (attemptId === null) throw rateLimited();
      const user = await db.orm.select().from(users).where(eq(users.email, normalized)).get();
      let ok: boolean;
      try {
        ok = await passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
      } catch (error) {
        // Not a guess (e.g. the server was too busy to hash): give the attempt back.
        await db.write(() => db.orm.delete(signInAttempts).where(eq(signInAttempts.id, attemptId)));
        throw error;
      }
      if (!user || !ok || user.disabledAt) {
        await recordFailure(db, attemptId, { email: normalized, ip, now, userId: user?.id ?? null });
        throw new AppError("unauthenticated", { messageKey: "auth.invalidCredentials" });
      }
      await db.write(() =>
        db.orm.update(signInAttempts).set({ outcome: "succeeded" }).where(eq(signInAttempts.id, attemptId)),
      );
      const { id, name, role, locale } = user;
      return { id, email: user.email, name, role, locale };
    } finally {
      inFlight.leave(keys);
    }
  };
}
