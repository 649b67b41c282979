/**
 * @module Lucia v3 as the session backend: the only file that imports lucia. It supplies the session id
 * generator (`generateIdFromEntropySize`, 200 bits), the drizzle adapter over the `sessions` table, and
 * cookie serialisation; the rules (idle and absolute lifetime, the cookie's name and Max-Age) live in
 * `sessions.ts`, which owns the `SessionBackend` interface this file implements and calls only
 * `createSessionBackend`. Replacing Lucia means rewriting this file. Ids reach the database only as SHA-256 (the hashing adapter below), so a copy of the database
 * or a backup signs no one in. See docs/decisions/002 and 010.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Cookie, generateIdFromEntropySize } from "lucia";
import type { Db } from "../../db/client";
import { type Locale, type Role, sessions, users } from "../../db/schema/auth";
import { sha256Hex } from "./encoding";
import type { SessionBackend, StoredSession } from "./sessions";

/** Lucia's drizzle adapter, its writes queued on the process's writer lock (see db/client.ts). */
class SerializedAdapter extends DrizzleSQLiteAdapter {
  constructor(private readonly database: Db) {
    super(database.orm, sessions, users);
  }
  insert(hash: string, s: StoredSession) {
    return this.database.write(() =>
      super.setSession({
        id: hash,
        userId: s.userId,
        expiresAt: s.expiresAt,
        attributes: { createdAt: s.createdAt },
      }),
    );
  }
  remove(hash: string) {
    return this.database.write(() => super.deleteSession(hash));
  }
  removeAllOf(userId: string) {
    return this.database.write(() => super.deleteUserSessions(userId));
  }
  extend(hash: string, expiresAt: Date) {
    return this.database.write(() => super.updateSessionExpiration(hash, expiresAt));
  }
}

export function createSessionBackend(db: Db): SessionBackend {
  const adapter = new SerializedAdapter(db);
  return {
    newId: () => generateIdFromEntropySize(25),
    insert: async (id, session) => adapter.insert(await sha256Hex(id), session),
    async find(id) {
      const [session, user] = await adapter.getSessionAndUser(await sha256Hex(id));
      if (!session || !user) return null;
      const attrs = user.attributes;
      const createdAt = session.attributes.createdAt;
      return {
        session: {
          userId: session.userId,
          expiresAt: session.expiresAt,
          createdAt: createdAt instanceof Date ? createdAt : new Date(0),
        },
        user: {
          id: user.id,
          email: attrs.email,
          name: attrs.name,
          role: attrs.role,
          locale: attrs.locale,
          disabledAt: attrs.disabledAt,
        },
      };
    },
    extend: async (id, expiresAt) => adapter.extend(await sha256Hex(id), expiresAt),
    remove: async (id) => adapter.remove(await sha256Hex(id)),
    removeAllOf: (userId) => adapter.removeAllOf(userId),
    serializeCookie: (name, value, { secure, maxAgeSeconds }) =>
      new Cookie(name, value, {
        httpOnly: true,
        secure,
        sameSite: "lax",
        path: "/",
        maxAge: maxAgeSeconds,
      }).serialize(),
  };
}

declare module "lucia" {
  interface Register {
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: Role;
      locale: Locale;
      disabledAt: Date | null;
    };
    DatabaseSessionAttributes: { createdAt: Date };
  }
}
