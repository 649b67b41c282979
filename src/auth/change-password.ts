/**
 * @module A signed-in user changes their own password: the current one is checked under the sign-in
 * failure limit (so this form is no way around it), the new one must pass the password policy, and the
 * change ends the user's other sessions, API tokens and open reset links — this browser stays signed in.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema/auth";
import type { CurrentUser } from "../http/context";
import { auditedTransaction } from "../http/service-context";
import type { Locale } from "../i18n/dictionary";
import { revokeCredentials } from "./credentials";
import type { PasswordHasher } from "./password";
import { assertAcceptablePassword } from "./password-policy";
import type { CheckCredentials } from "./sign-in";

interface ChangePasswordInput {
  current: string;
  next: string;
}

export async function changeOwnPassword(
  ctx: {
    db: Db;
    passwords: PasswordHasher;
    checkCredentials: CheckCredentials;
    now: Date;
    ip: string;
    locale: Locale;
    sessionId: string | null;
  },
  user: CurrentUser,
  input: ChangePasswordInput,
): Promise<{ tokensRevoked: number }> {
  const { db, passwords, now } = ctx;
  await ctx.checkCredentials(
    { db, passwords },
    { email: user.email, password: input.current, ip: ctx.ip, now },
  );
  await assertAcceptablePassword(
    input.next,
    { email: user.email, name: user.name, locale: ctx.locale },
    "next",
  );
  const passwordHash = await passwords.hash(input.next);
  const transaction = auditedTransaction(db, { id: user.id, label: user.email }, now);
  return transaction(async (tx, audit) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const revoked = await revokeCredentials(tx, {
      userId: user.id,
      now,
      keepSessionId: ctx.sessionId ?? undefined,
    });
    await audit("user.password_change", { type: "user", id: user.id }, undefined, revoked);
    return revoked;
  });
}
