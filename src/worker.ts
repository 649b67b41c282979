/**
 * @module Cloudflare Workers entry (wrangler.toml): `fetch` serves the same `createApp()` as the Node
 * server, built for each request over `@libsql/client/web`; `scheduled` (the cron trigger) runs the same
 * jobs as the Node server's interval (reminders, outbox delivery). Configuration comes from the Worker's
 * vars and secrets through the same config module. See docs/decisions/013-workers-runtime.md.
 *
 * NOTE: nothing that holds a promise is shared between requests (workerd cancels continuations that cross
 * requests): the database handle and the app are per invocation; only the parsed config is cached.
 */
import { createApp } from "./app";
import { ConfigError } from "./config";
import type { WorkerEnv } from "./edge/config";
import { configOf, workerDeps } from "./edge/deps";
import { runJobs } from "./jobs/run-jobs";

function configFailure(error: unknown): Response {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  return new Response("Sambang: konfigurasi tidak valid / invalid configuration (see the Worker's logs)\n", {
    status: 500,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerExecutionContext): Promise<Response> {
    let deps: ReturnType<typeof workerDeps>;
    try {
      deps = workerDeps(configOf(env));
    } catch (error) {
      return configFailure(error);
    }
    try {
      return await createApp(deps).fetch(request, env, ctx);
    } finally {
      deps.db.close();
    }
  },

  async scheduled(controller: WorkerScheduledController, env: WorkerEnv, ctx: WorkerExecutionContext) {
    const deps = workerDeps(configOf(env));
    const run = runJobs({
      db: deps.db,
      config: deps.config,
      clock: deps.clock,
      logger: deps.logger,
      transport: deps.mail?.transport,
    })
      .then((report) => {
        deps.logger.info("jobs", { cron: controller.cron, ...report });
        if (!deps.mail) deps.logger.info("mail not sent: SMTP_URL is not set; messages wait in the outbox");
      })
      .finally(() => deps.db.close());
    ctx.waitUntil(run);
    await run;
  },
};
