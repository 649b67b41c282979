/**
 * @module Checks e-mail and password with a failure limit: 5 failures in 15 minutes per account or per
 * client address answer 429 until the window passes. Unknown account, wrong password and disabled account
 * all get the same message, and an unknown account still costs one hash verification (no timing hint).
 */
import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signInFailures, users } from "../../db/schema/auth";
import { recordAudit } from "../audit/record";
import type { CurrentUser } from "../http/context";
import { AppError } from "../http/errors";
import type { PasswordHasher } from "./password";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 5;
// A real hash of a random password, so unknown accounts take as long as known ones.
const DUMMY_HASH = "$scrypt$ln=14,r=8,p=5$ad_7OfJJwTpfzI_HaJBY0g$-ESuHQzIia4TJy-UbqcFg2sKVt6_Mqeh8ZlLfVmcskk";

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  now: Date;
}

async function failuresSince(db: Db, column: "email" | "ip", value: string, since: Date): Promise<number> {
  const col = column === "email" ? signInFailures.email : signInFailures.ip;
  const row = await db.orm
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(col, value), gt(signInFailures.at, since)))
    .get();
  return row?.n ?? 0;
}

function rateLimited(): AppError {
  return new AppError("rate_limited", {
    messageKey: "auth.tooManyAttempts",
    headers: { "Retry-After": String(SIGN_IN_WINDOW_MS / 1000) },
  });
}

/** Returns the user on success; throws `rate_limited` or `unauthenticated` (one generic message). */
export async function checkCredentials(
  { db, passwords }: { db: Db; passwords: PasswordHasher },
  { email, password, ip, now }: SignInInput,
): Promise<CurrentUser> {
  const normalized = email.trim().toLowerCase();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    failuresSince(db, "email", normalized, since),
    failuresSince(db, "ip", ip, since),
  ]);
  if (byAccount >= SIGN_IN_MAX_FAILURES || byIp >= SIGN_IN_MAX_FAILURES) throw rateLimited();

  const user = await db.orm.select().from(users).where(eq(users.email, normalized)).get();
  const ok = await passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabledAt) {
    await db.writeTransaction(async (tx) => {
      await tx.delete(signInFailures).where(lt(signInFailures.at, since));
      await tx.insert(signInFailures).values({ email: normalized, ip, at: now });
      await recordAudit(tx, {
        actor: { id: user?.id ?? null, label: normalized },
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? normalized,
        after: { ip },
        now,
      });
    });
    throw new AppError("unauthenticated", { messageKey: "auth.invalidCredentials" });
  }
  const { id, name, role, locale } = user;
  return { id, email: user.email, name, role, locale };
}
