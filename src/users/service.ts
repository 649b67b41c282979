/**
 * @module Staff accounts: create, change role, reset password, disable/enable, language preference.
 * Every change is audited in its own transaction; disabling a user or resetting their password ends all
 * their sessions and revokes their API tokens (re-enabling revives none).
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { LOCALES, ROLES, users } from "../../db/schema/auth";
import { revokeCredentials } from "../auth/credentials";
import { newId } from "../auth/encoding";
import { assertAcceptablePassword } from "../auth/password-policy";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email(msg("users.emailInvalid")).max(254));
const passwordSchema = z.string().min(12, msg("users.passwordTooShort")).max(200);
export const newUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, msg("error.required")).max(120),
  role: z.enum(ROLES),
  password: passwordSchema.optional(),
  locale: z.enum(LOCALES).default("id"),
});
type NewUser = z.output<typeof newUserSchema>;

/** What the audit log and API show of a user: never the password hash. */
function publicUser(row: typeof users.$inferSelect) {
  const { passwordHash: _hidden, ...rest } = row;
  return rest;
}

type Ctx = Pick<ServiceContext, "passwords" | "now" | "transaction" | "locale">;
/** An update may check a new password against the user's own name and e-mail, read first. */
type UpdateCtx = Ctx & Pick<ServiceContext, "db">;

export async function createUser(ctx: Ctx, input: NewUser & { password: string }) {
  await assertAcceptablePassword(input.password, {
    email: input.email,
    name: input.name,
    locale: ctx.locale,
  });
  const row = {
    id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    locale: input.locale,
    passwordHash: await ctx.passwords.hash(input.password),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return ctx.transaction(async (tx, audit) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (existing) {
      throw new AppError("conflict", {
        messageKey: "users.emailTaken",
        details: { fields: { email: ["taken"] } },
      });
    }
    await tx.insert(users).values(row);
    const created = publicUser({ ...row, disabledAt: null });
    await audit("user.create", { type: "user", id: row.id }, null, created);
    return created;
  });
}

export const userUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  locale: z.enum(LOCALES).optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
type UserUpdate = z.output<typeof userUpdateSchema>;

/** Applies a partial update; the last active admin cannot be demoted or disabled. */
export async function updateUser(ctx: UpdateCtx, id: string, change: UserUpdate) {
  if (change.password) {
    const target = await ctx.db.orm.select().from(users).where(eq(users.id, id)).get();
    await assertAcceptablePassword(change.password, {
      email: target?.email,
      name: target?.name,
      locale: ctx.locale,
    });
  }
  const passwordHash = change.password ? await ctx.passwords.hash(change.password) : undefined;
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new AppError("not_found");
    const losesAdmin =
      before.role === "admin" &&
      !before.disabledAt &&
      ((change.role && change.role !== "admin") || change.disabled);
    if (losesAdmin) {
      const activeAdmins = (await tx.select().from(users).where(eq(users.role, "admin")).all()).filter(
        (u) => !u.disabledAt,
      );
      if (activeAdmins.length <= 1) throw new AppError("conflict", { messageKey: "users.lastAdmin" });
    }
    const set: Partial<typeof users.$inferInsert> = { updatedAt: ctx.now };
    if (change.name !== undefined) set.name = change.name;
    if (change.role !== undefined) set.role = change.role;
    if (change.locale !== undefined) set.locale = change.locale;
    if (change.disabled !== undefined)
      set.disabledAt = change.disabled ? (before.disabledAt ?? ctx.now) : null;
    if (passwordHash) set.passwordHash = passwordHash;
    await tx.update(users).set(set).where(eq(users.id, id));
    const after = { ...before, ...set };
    const revoked =
      change.disabled || passwordHash ? await revokeCredentials(tx, { userId: id, now: ctx.now }) : undefined;
    const action = passwordHash
      ? "user.password_reset"
      : change.disabled === true
        ? "user.disable"
        : change.disabled === false
          ? "user.enable"
          : "user.update";
    await audit(action, { type: "user", id }, publicUser(before), {
      ...publicUser(after),
      ...(revoked ? { tokensRevoked: revoked.tokensRevoked } : {}),
    });
    return publicUser(after);
  });
}

export function listUsers(db: Db) {
  return db.orm
    .select()
    .from(users)
    .orderBy(asc(users.email))
    .all()
    .then((rows) => rows.map(publicUser));
}

export async function getUser(db: Db, id: string) {
  const row = await db.orm.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError("not_found");
  return publicUser(row);
}
