/**
 * @module Lucia v3 set-up: the only file that imports lucia. Sessions live in the `sessions` table
 * (30 days, extended when half used); the cookie is HttpOnly, SameSite=Lax, Secure on https.
 * Lucia v3 is deprecated upstream but works; keeping it behind this file lets it be swapped
 * (docs/decisions/002-lucia-v3.md).
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { type DatabaseSession, Lucia, TimeSpan, verifyRequestOrigin } from "lucia";
import type { Db } from "../../db/client";
import { type Locale, type Role, sessions, users } from "../../db/schema/auth";

export const SESSION_COOKIE = "sambang_session";

/** Lucia's drizzle adapter with its writes queued on the process's writer lock (see db/client.ts). */
class SerializedAdapter extends DrizzleSQLiteAdapter {
  constructor(private readonly database: Db) {
    super(database.orm, sessions, users);
  }
  override setSession(session: DatabaseSession) {
    return this.database.write(() => super.setSession(session));
  }
  override deleteSession(sessionId: string) {
    return this.database.write(() => super.deleteSession(sessionId));
  }
  override deleteUserSessions(userId: string) {
    return this.database.write(() => super.deleteUserSessions(userId));
  }
  override updateSessionExpiration(sessionId: string, expiresAt: Date) {
    return this.database.write(() => super.updateSessionExpiration(sessionId, expiresAt));
  }
  override deleteExpiredSessions() {
    return this.database.write(() => super.deleteExpiredSessions());
  }
}

export function createAuth(db: Db, { secure }: { secure: boolean }) {
  const adapter = new SerializedAdapter(db);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: { name: SESSION_COOKIE, expires: false, attributes: { secure, sameSite: "lax" } },
    getUserAttributes: (row) => ({
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      disabledAt: row.disabledAt,
    }),
  });
}

export type Auth = ReturnType<typeof createAuth>;
export { verifyRequestOrigin };

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createAuth>;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: Role;
      locale: Locale;
      disabledAt: Date | null;
    };
  }
}
