/**
 * @module Everything the scheduling feature mounts (venues, hosts, blackouts, bookings, availability,
 * templates, staff calendar), so the shared src/app.ts needs one line per list.
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { staffCalendarRoutes } from "../staff-calendar/routes";
import { templateRoutes, templatesApiDocs } from "../templates/routes";
import { availabilityPageRoutes } from "./availability-page";
import { bookingRoutes, bookingsApiDocs } from "./routes";

export const schedulingApiDocs: RouteDoc[] = [...bookingsApiDocs, ...templatesApiDocs];

export function schedulingRoutes() {
  const app = new Hono<AppEnv>();
  app.route("/", bookingRoutes());
  app.route("/", templateRoutes());
  app.route("/", availabilityPageRoutes());
  app.route("/", staffCalendarRoutes());
  return app;
}
