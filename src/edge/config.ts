/**
 * @module Workers configuration: the Worker's vars and secrets go through the same `parseConfig` as the
 * Node server's environment, plus the checks that only matter on Workers (no embedded database file, no
 * way to accept a self-signed SMTP certificate, LINK_SECRET required since there is no file to keep one
 * in). Bindings that are not strings are ignored.
 */
import { type Config, ConfigError, parseConfig } from "../config";

/** What a Worker receives as `env`: vars and secrets are strings; other bindings are objects. */
export type WorkerEnv = Record<string, unknown>;

export function workerConfig(env: WorkerEnv): Config {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === "string") strings[key] = value;
  const config = parseConfig(strings);
  const problems: string[] = [];
  if (!strings.DATABASE_URL || config.databaseUrl.startsWith("file:")) {
    problems.push(
      "  DATABASE_URL: a Worker needs a libSQL server (libsql://…, https://… or http://… locally), not a file",
    );
  }
  if (!config.linkSecret) {
    problems.push(
      "  LINK_SECRET: a Worker needs it (at least 32 characters; `wrangler secret put LINK_SECRET`)",
    );
  }
  if (config.smtpUrl && !config.smtpTlsRejectUnauthorized) {
    problems.push(
      "  SMTP_TLS_REJECT_UNAUTHORIZED: Workers always verify the relay's certificate; false is not supported",
    );
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration (konfigurasi tidak valid):\n${problems.join("\n")}`);
  }
  return config;
}
