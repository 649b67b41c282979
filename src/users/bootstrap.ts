/**
 * @module First start: when the database has no user at all, create the first admin from
 * ADMIN_EMAIL / ADMIN_PASSWORD or with a generated password, and report the credentials once.
 */
import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema/auth";
import { SYSTEM_ACTOR } from "../audit/record";
import { generatePassword, type PasswordHasher } from "../auth/password";
import { auditedTransaction } from "../http/service-context";
import { createUser } from "./service";

interface BootstrapResult {
  email: string;
  /** Present only when generated here (an operator-supplied password is never echoed). */
  generatedPassword?: string;
}

export async function bootstrapAdmin(
  { db, passwords, now }: { db: Db; passwords: PasswordHasher; now: Date },
  { email, password }: { email?: string; password?: string },
): Promise<BootstrapResult | null> {
  const existing = await db.orm.select({ n: count() }).from(users).get();
  if ((existing?.n ?? 0) > 0) return null;
  const adminEmail = (email ?? "admin@sambang.local").toLowerCase();
  const adminPassword = password ?? generatePassword();
  await createUser(
    { passwords, now, transaction: auditedTransaction(db, SYSTEM_ACTOR, now) },
    { email: adminEmail, name: "Administrator", role: "admin", locale: "id", password: adminPassword },
  );
  return { email: adminEmail, generatedPassword: password ? undefined : adminPassword };
}
