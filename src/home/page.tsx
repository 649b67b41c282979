/**
 * @module The staff home page at `/`: delegations per status, the visits to come, today's agenda and,
 * for follow-up roles, what waits for them.
 */
import { Hono } from "hono";
import { HomePage } from "../../views/pages/home";
import { requireRole } from "../auth/guard";
import { STAFF } from "../auth/roles";
import type { AppEnv } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import { followUpHome } from "../outcomes/follow-up";
import { loadDashboard } from "./dashboard";

export function homePage() {
  const app = new Hono<AppEnv>();
  app.get("/", requireRole(STAFF), async (c) => {
    const user = c.get("user");
    const { db, clock, config } = c.get("deps");
    const dashboard = await loadDashboard(db, clock(), config.hostTimeZone);
    return renderPage(
      c,
      c.get("t")("home.welcome", { name: user?.name ?? "" }),
      <HomePage ctx={pageContext(c)} dashboard={dashboard} followUp={await followUpHome(c)} />,
    );
  });
  return app;
}
