/**
 * @module Node entry point (the embedded default): parse env once, open and migrate the libSQL file,
 * create the first admin on a fresh database, seed, start background jobs, and serve on PORT.
 */
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { openDatabase } from "../db/open-node";
import { runSeeders } from "../db/seed";
import { createApp } from "./app";
import { createPasswordHasher } from "./auth/password";
import { nodeScrypt } from "./auth/scrypt-node";
import { ConfigError, parseConfig } from "./config";
import { SEEDERS } from "./features";
import type { AppDeps } from "./http/context";
import { startJobLoop } from "./jobs/run-jobs";
import { consoleLogger } from "./logger";
import { createNodeMail } from "./mail/node/create-mail";
import { bootstrapAdmin } from "./users/bootstrap";

async function main() {
  const config = parseConfig(process.env);
  const logger = consoleLogger();
  const db = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  const passwords = createPasswordHasher(nodeScrypt);
  const clock = () => new Date();

  const admin = await bootstrapAdmin(
    { db, passwords, now: clock() },
    { email: config.adminEmail, password: config.adminPassword },
  );

  const seeded = await runSeeders(db, config.seed, clock(), SEEDERS);
  if (seeded.length > 0) logger.info("seeded", { kind: config.seed, seeders: seeded });

  const deps: AppDeps = {
    db,
    config,
    clock,
    passwords,
    logger,
    socketAddress: (c) => getConnInfo(c).remote.address,
    mail: createNodeMail(config),
  };
  const app = createApp(deps);
  const mail = deps.mail as NonNullable<AppDeps["mail"]>;
  const jobs = startJobLoop(
    { db, config, clock, logger, transport: mail.transport },
    config.jobIntervalSeconds * 1000,
  );
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const lines = [
      "",
      `Sambang berjalan di / is running at ${config.baseUrl}  (listening on ${info.address}:${info.port})`,
      `Database: ${config.databaseUrl}`,
      mail.transport.kind === "smtp"
        ? `Mail: SMTP ${mail.transport.description}`
        : `Mail: TIDAK dikirim / NOT sent — written to ${mail.transport.description} (set SMTP_URL), see /mail/preview`,
    ];
    if (admin) {
      lines.push("", "Admin pertama dibuat / first admin created:", `  e-mail:   ${admin.email}`);
      lines.push(
        admin.generatedPassword
          ? `  password: ${admin.generatedPassword}   (catat sekarang, hanya tampil sekali / write it down, shown once)`
          : "  password: (from ADMIN_PASSWORD)",
      );
    }
    console.log(lines.join("\n"));
  });

  const shutdown = async () => {
    server.close();
    // Let a delivery in progress finish and mark what it sent before the database closes.
    await jobs.stop();
    await mail.transport.close?.();
    db.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Sambang failed to start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
