/**
 * @module Operator CLI: `npm run db:migrate` applies the committed migrations to the database of
 * DATABASE_URL (+ DATABASE_AUTH_TOKEN) — a file, a Turso database or a self-hosted libSQL server — and,
 * on a database without users, prepares it exactly as the Node server's first start does: the first admin
 * (ADMIN_EMAIL / ADMIN_PASSWORD or a generated password, printed once) and the SEED data. The Workers
 * entry never migrates or seeds; this is how its database is made ready. Node only.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/open-node";
import { runSeeders } from "../../db/seed";
import { createPasswordHasher, type PasswordHasher } from "../auth/password";
import { nodeScrypt } from "../auth/scrypt-node";
import { ConfigError, parseConfig } from "../config";
import { SEEDERS } from "../features";
import { bootstrapAdmin } from "../users/bootstrap";
import type { CliIo } from "./user-create";

/** Runs the command; returns the process exit code. */
export async function dbMigrate(
  env: Record<string, string | undefined>,
  io: CliIo,
  passwords: PasswordHasher = createPasswordHasher(nodeScrypt),
): Promise<number> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    io.out(`Migrations applied / migrasi diterapkan: ${redacted(config.databaseUrl)}`);
    const now = new Date();
    const admin = await bootstrapAdmin(
      { db, passwords, now },
      { email: config.adminEmail, password: config.adminPassword },
    );
    if (admin) {
      io.out(`First admin created / admin pertama dibuat: ${admin.email}`);
      if (admin.generatedPassword) {
        io.out(`Password / kata sandi: ${admin.generatedPassword}   (shown once / tampil sekali)`);
      }
    }
    const seeded = await runSeeders(db, config.seed, now, SEEDERS);
    if (seeded.length > 0) io.out(`Seeded / data awal (${config.seed}): ${seeded.join(", ")}`);
    return 0;
  } finally {
    db.close();
  }
}

/** The URL without credentials, for the log line. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = "";
    return u.toString();
  } catch {
    return url;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  dbMigrate(process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  })
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error("db:migrate failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
