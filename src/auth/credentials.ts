/**
 * @module Ends everything that lets a user in besides their password: sessions, API tokens and open
 * password-reset links. Run inside the transaction that changes the password or disables the user, so
 * the change and the revocation land together. Returns how many tokens were revoked (for the audit row).
 */
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { apiTokens, passwordResetTokens, sessions } from "../../db/schema/auth";
import { sha256Hex } from "./encoding";

export async function revokeCredentials(
  tx: Transaction,
  { userId, now, keepSessionId }: { userId: string; now: Date; keepSessionId?: string },
): Promise<{ tokensRevoked: number }> {
  const keep = keepSessionId ? await sha256Hex(keepSessionId) : undefined;
  await tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  return { tokensRevoked: revoked.length };
}
