/**
 * @module Node entry point (the embedded default): parse env once, open and migrate the libSQL file,
 * create the first admin on a fresh database, seed, serve on PORT, then start the background jobs.
 * `npm start` runs it built (`dist/server.js`, see src/cli/build.mjs); `npm run dev` runs it through tsx.
 *
 * On SIGTERM/SIGINT it stops accepting connections, lets the requests in flight finish (at most
 * `SHUTDOWN_GRACE_MS`, then their connections are cut) and the job run in progress end, and only then
 * closes the database: a request in flight never meets a closed database.
 */
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { openDatabase } from "../db/open-node";
import { runSeeders } from "../db/seed";
import { createApp } from "./app";
import { loadOrCreateLinkSecret } from "./auth/link-secret-node";
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
  const parsed = parseConfig(process.env);
  const config = parsed.linkSecret
    ? parsed
    : { ...parsed, linkSecret: await loadOrCreateLinkSecret(parsed.databaseUrl) };
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
  // Background jobs start once the server listens: the first requests are not kept waiting by them.
  let jobs: ReturnType<typeof startJobLoop> | undefined;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    jobs = startJobLoop(
      { db, config, clock, logger, transport: mail.transport },
      config.jobIntervalSeconds * 1000,
    );
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

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // Requests in flight finish, and a delivery in progress marks what it sent, before the database closes.
    await Promise.all([closeServer(server, SHUTDOWN_GRACE_MS), jobs?.stop()]);
    await mail.transport.close?.();
    db.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/** How long requests in flight may take to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Stops listening, closes idle keep-alive connections, and resolves once every request has finished. */
function closeServer(server: ReturnType<typeof serve>, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => {
      if ("closeAllConnections" in server) server.closeAllConnections();
    }, graceMs);
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  });
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Sambang failed to start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
