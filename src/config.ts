/**
 * @module Configuration: every environment variable, parsed once with zod. A wrong value stops start-up
 * with a message naming the variable. Nothing below this file reads `process.env` (Workers has none).
 */
import { z } from "zod";
import { isValidTimeZone } from "./scheduling/zoned-time";

/**
 * The host government's zone when HOST_TIME_ZONE is unset: the one place this default is written. Venues and
 * hosts keep their own zone; this one dates what has no venue (requests, audit, tokens, items without a
 * venue, the host's "today").
 */
export const DEFAULT_HOST_TIME_ZONE = "Asia/Jakarta";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, http(s): or ws(s):")
    .default("file:data/sambang.db"),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SEED: z.enum(["starter", "demo", "none"]).default("starter"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Protokol Sambang <protokol@sambang.local>"),
  ORGANIZER_NAME: z.string().trim().min(1).max(120).optional(),
  ORGANIZER_EMAIL: z.email().optional(),
  ORGANIZER_PHONE: z.string().trim().min(6).max(30).optional(),
  MAIL_REPLY_TO: z.email().optional(),
  MAIL_DIR: z.string().min(1).default("data/mail"),
  SMTP_TLS_REJECT_UNAUTHORIZED: booleanish.default(true),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  REMINDER_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)")
    .default("16:00"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: z
    .union(
      [booleanish, z.coerce.number().int().min(0).max(10)],
      "must be false, true or a number of proxies (0–10)",
    )
    .default(false),
  LOG_REQUESTS: booleanish.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  REQUEST_MIN_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  REQUEST_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10000).default(10),
  HOST_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, "must be an IANA time zone, e.g. Asia/Makassar")
    .default(DEFAULT_HOST_TIME_ZONE),
  LINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

/** The parsed configuration the app is built from. */
export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string;
  databaseAuthToken?: string;
  adminEmail?: string;
  adminPassword?: string;
  seed: "starter" | "demo" | "none";
  smtpUrl?: string;
  mailFrom: string;
  /** ORGANIZER of calendar invitations (the protocol office); default: MAIL_FROM's display name. */
  organizerName: string;
  /** Default: MAIL_FROM's address. */
  organizerEmail: string;
  /** The protocol office's phone/WhatsApp, shown as a contact on itineraries. */
  organizerPhone?: string;
  /** Reply-To of every notice (the protocol office); replies go there, not to the sending address. */
  mailReplyTo?: string;
  /** Without SMTP_URL, messages are written as .eml files here (NOT sent). */
  mailDir: string;
  /** false accepts a self-signed SMTP certificate (an office relay); keep true otherwise. */
  smtpTlsRejectUnauthorized: boolean;
  /** Delivery attempts before a temporarily failing message is marked failed. */
  mailMaxAttempts: number;
  /** How often the Node server runs the jobs (outbox delivery, reminders). */
  jobIntervalSeconds: number;
  /** Reminders go out the day before a visit at this local time, in the venue's zone. */
  reminderTime: string;
  bodyLimitBytes: number;
  /** Read the client address from X-Forwarded-For (only behind a proxy you trust). */
  trustProxy: boolean;
  /** How many reverse proxies of ours append to X-Forwarded-For; the client address is that many from the right. */
  trustProxyHops: number;
  logRequests: boolean;
  /** A session unused this long ends (minutes). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in whatever its use (hours). */
  sessionAbsoluteHours: number;
  /** Sent outbox messages keep their bodies (with status and itinerary links) this many days. */
  outboxRetentionDays: number;
  /** A visit must be requested at least this many working days ahead (weekends and closures don't count). */
  requestMinWorkingDays: number;
  /** Public visit requests accepted per client address per hour. */
  requestRateLimitPerHour: number;
  /**
   * The host's default IANA zone (HOST_TIME_ZONE): new venues and hosts start in it, and it dates what has
   * no venue of its own. A venue's own zone always wins for that venue's times.
   */
  hostTimeZone: string;
  /**
   * LINK_SECRET: itinerary link tokens are derived from it (HMAC of the link id), so no working link is
   * stored. Unset here means the Node server keeps one in a file (src/auth/link-secret-node.ts); a Worker
   * requires it. Changing it changes every itinerary link.
   */
  linkSecret?: string;
}

/** `Name <addr>` or `addr` → its parts (the name falls back to the address). */
function mailboxOf(value: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
  const email = (m ? m[2] : value)?.trim() ?? value;
  const name = m?.[1]?.trim() || email;
  return { name, email };
}

/** TRUST_PROXY: `true` is one proxy, `false` none, a number that many. */
function hopsOf(value: boolean | number): number {
  return typeof value === "number" ? value : value ? 1 : 0;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The secret itinerary links are derived from; a ConfigError naming LINK_SECRET when there is none. */
export function linkSecretOf(config: Pick<Config, "linkSecret">): string {
  if (!config.linkSecret)
    throw new ConfigError("Invalid configuration (konfigurasi tidak valid):\n  LINK_SECRET: is not set");
  return config.linkSecret;
}

/** Parses an environment record; throws ConfigError listing every bad variable by name. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (konfigurasi tidak valid):\n${lines.join("\n")}`);
  }
  const c = result.data;
  return {
    port: c.PORT,
    host: c.HOST,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ""),
    databaseUrl: c.DATABASE_URL,
    databaseAuthToken: c.DATABASE_AUTH_TOKEN,
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    seed: c.SEED,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    organizerName: c.ORGANIZER_NAME ?? mailboxOf(c.MAIL_FROM).name,
    organizerEmail: c.ORGANIZER_EMAIL ?? mailboxOf(c.MAIL_FROM).email,
    organizerPhone: c.ORGANIZER_PHONE,
    mailReplyTo: c.MAIL_REPLY_TO,
    mailDir: c.MAIL_DIR,
    smtpTlsRejectUnauthorized: c.SMTP_TLS_REJECT_UNAUTHORIZED,
    mailMaxAttempts: c.MAIL_MAX_ATTEMPTS,
    jobIntervalSeconds: c.JOB_INTERVAL_SECONDS,
    reminderTime: c.REMINDER_TIME,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    trustProxy: hopsOf(c.TRUST_PROXY) > 0,
    trustProxyHops: hopsOf(c.TRUST_PROXY),
    logRequests: c.LOG_REQUESTS,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: c.SESSION_ABSOLUTE_HOURS,
    outboxRetentionDays: c.OUTBOX_RETENTION_DAYS,
    requestMinWorkingDays: c.REQUEST_MIN_WORKING_DAYS,
    requestRateLimitPerHour: c.REQUEST_RATE_LIMIT_PER_HOUR,
    hostTimeZone: c.HOST_TIME_ZONE,
    linkSecret: c.LINK_SECRET,
  };
}
