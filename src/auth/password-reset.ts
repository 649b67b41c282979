/**
 * @module "Forgot password": a reset link by e-mail. The link carries a 256-bit secret; only its SHA-256
 * is stored, it works for 30 minutes and once. Asking always gets the same answer whether or not the
 * account exists (no account enumeration); the mail goes through the outbox like every notice, in the
 * same transaction as the token. Completing the reset ends every session, API token and other open link
 * of the account. The mail is signed by the host's protocol office once an admin has saved the host
 * settings, like every other mail; before that, with the plain "Protocol Office" wording.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { passwordResetTokens, users } from "../../db/schema/auth";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
import { auditedTransaction, PUBLIC_ACTOR } from "../http/service-context";
import { type Locale, translator } from "../i18n/dictionary";
import { composeMail, frame } from "../mail/compose";
import { enqueueMessage } from "../mail/outbox";
import { officeSignatureOf } from "../mail/signature";
import { revokeCredentials } from "./credentials";
import { newId, randomSecret, sha256Hex } from "./encoding";
import type { PasswordHasher } from "./password";
import { assertAcceptablePassword } from "./password-policy";

const RESET_TOKEN_TTL_MS = 30 * 60_000;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const MAX_LINKS_PER_HOUR = 3;

function resetUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/reset-password/${token}`;
}

/** Queues a reset mail when `email` belongs to an active user; does nothing otherwise (same answer). */
export async function requestPasswordReset(
  { db, now, baseUrl }: { db: Db; now: Date; baseUrl: string },
  email: string,
): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const user = await db.orm.select().from(users).where(eq(users.email, normalized)).get();
  if (!user || user.disabledAt) return;
  // At most three links an hour per account, silently: the answer stays the same.
  const recent = await db.orm
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.userId, user.id),
        gt(passwordResetTokens.createdAt, new Date(now.getTime() - 3600_000)),
      ),
    )
    .all();
  if (recent.length >= MAX_LINKS_PER_HOUR) return;
  const token = randomSecret(32);
  const locale: Locale = user.locale;
  const t = translator(locale);
  // Version 0 is the built-in defaults: no host has saved its own office yet, so no office is named.
  const host = await getHostSettings(db.orm);
  const office = host.version > 0 ? officeSignatureOf(host) : undefined;
  const content = {
    ...frame(locale, t("auth.reset.mailSubject"), user.name, office),
    paragraphs: [t("auth.reset.mailIntro"), t("auth.reset.mailIgnore")],
    link: { label: t("auth.reset.mailLink"), url: resetUrl(baseUrl, token) },
  };
  const mail = await composeMail(t("auth.reset.mailSubject"), content);
  const tokenHash = await sha256Hex(token);
  // Asked from the sign-in page, by nobody known: the public is the actor.
  const transaction = auditedTransaction(db, PUBLIC_ACTOR, now);
  await transaction(async (tx, audit) => {
    const id = newId();
    await tx.insert(passwordResetTokens).values({
      id,
      userId: user.id,
      tokenHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    });
    await enqueueMessage(
      tx,
      { now, baseUrl },
      {
        kind: "password_reset",
        scope: id,
        locale,
        to: { name: user.name, email: user.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      },
    );
    await audit("auth.password_reset_requested", { type: "user", id: user.id });
  });
}

/** The user a reset link belongs to while it is valid (unused, unexpired, user active), else null. */
export async function findResetUser(db: Db, token: string, now: Date) {
  if (!TOKEN_FORMAT.test(token)) return null;
  const row = await db.orm
    .select({ tokenId: passwordResetTokens.id, user: users })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, await sha256Hex(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .get();
  if (!row || row.user.disabledAt) return null;
  return { tokenId: row.tokenId, user: row.user };
}

/** Sets the new password with a valid link (once); throws `not_found` for a used, expired or wrong link. */
export async function completePasswordReset(
  { db, passwords, now, locale }: { db: Db; passwords: PasswordHasher; now: Date; locale: Locale },
  token: string,
  password: string,
): Promise<void> {
  const found = await findResetUser(db, token, now);
  if (!found) throw new AppError("not_found", { messageKey: "auth.reset.invalid" });
  await assertAcceptablePassword(password, { email: found.user.email, name: found.user.name, locale });
  const passwordHash = await passwords.hash(password);
  const actor = { id: found.user.id, label: found.user.email };
  const transaction = auditedTransaction(db, actor, now);
  await transaction(async (tx, audit) => {
    const used = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.id, found.tokenId), isNull(passwordResetTokens.usedAt)))
      .returning({ id: passwordResetTokens.id });
    // Two tabs submitting the same link: only the first one wins.
    if (used.length === 0) throw new AppError("not_found", { messageKey: "auth.reset.invalid" });
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, found.user.id));
    const { tokensRevoked } = await revokeCredentials(tx, { userId: found.user.id, now });
    await audit("auth.password_reset", { type: "user", id: found.user.id }, undefined, { tokensRevoked });
  });
}
