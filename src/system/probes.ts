/**
 * @module Health probes for the process manager and load balancer: /livez (the process answers) and
 * /healthz (the database answers too; 503 when it does not).
 */
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../http/context";

export function livez() {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => c.text("ok"));
  return app;
}

export function healthz() {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    try {
      await c.get("deps").db.orm.run(sql`SELECT 1`);
      return c.json({ status: "ok", db: "ok" });
    } catch {
      return c.json({ status: "error", db: "unreachable" }, 503);
    }
  });
  return app;
}
