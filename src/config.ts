/**
 * @module Configuration: every environment variable, parsed once with zod. A wrong value stops start-up
 * with a message naming the variable. Nothing below this file reads `process.env` (Workers has none).
 */
import { z } from "zod";

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
  MAIL_FROM: z.string().min(3).default("Protokol Sambang <protokol@localhost>"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: booleanish.default(false),
  LOG_REQUESTS: booleanish.default(false),
});

export type RawConfig = z.infer<typeof configSchema>;

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
  bodyLimitBytes: number;
  /** Read the client address from X-Forwarded-For (only behind a proxy you trust). */
  trustProxy: boolean;
  logRequests: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
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
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    trustProxy: c.TRUST_PROXY,
    logRequests: c.LOG_REQUESTS,
  };
}
