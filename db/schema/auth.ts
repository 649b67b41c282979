/**
 * @module Staff accounts, Lucia sessions, API tokens, sign-in attempts and password-reset tokens.
 * Lucia's adapter reads `users` and `sessions`; `expires_at` is an integer in seconds (Lucia v3). A
 * session's `id` is the SHA-256 of the secret in the cookie, never the secret itself.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "protocol", "humas", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale", { enum: LOCALES }).notNull().default("id"),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** Start of the session, for its absolute lifetime; 0 (rows from before this column) counts as expired. */
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the secret, hex; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, to recognise it in lists. */
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const SIGN_IN_OUTCOMES = ["pending", "failed", "succeeded"] as const;

/**
 * Sign-in attempts: a `pending` row is reserved before the password is checked (so parallel guesses are
 * counted before any hashing), then marked `failed` or `succeeded`. Failures count against the account
 * and the address inside a window; successes remember the addresses an account recently signed in from.
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    outcome: text("outcome", { enum: SIGN_IN_OUTCOMES }).notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
  ],
);

/** Password-reset links: SHA-256 of the secret, valid 30 minutes, used once. */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);
