/**
 * @module The visitors' itinerary link, issued and revoked by protocol staff from the agenda page
 * (`POST /delegations/{id}/share`, `POST /delegations/{id}/share/revoke`, with a confirmation step) and
 * through the API (`POST`/`DELETE /api/v1/delegations/{id}/share`). Still mounted at `/` with absolute
 * paths, apart from the agenda feature.
 */
import { Hono } from "hono";
import { z } from "zod";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { showAgenda } from "./agenda-view";
import { findAgendaDelegation } from "./load-agenda";
import { issueShareLink, revokeShareLinks } from "./share-links";

export const shareApiDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/delegations/{id}/share",
    summary:
      "Issue the itinerary link for the visitors (GET /i/{token}); revokes the previous one. The URL is returned once",
    tag: "itinerary",
    roles: PROTOCOL,
    status: 201,
    response: z.object({ url: z.string(), calendarUrl: z.string(), pdfUrl: z.string() }),
  },
  {
    method: "delete",
    path: "/delegations/{id}/share",
    summary: "Revoke the itinerary link (it answers 404 from then on)",
    tag: "itinerary",
    roles: PROTOCOL,
    status: 204,
  },
];

export function shareRoutes() {
  const app = new Hono<AppEnv>();
  const protocol = requireRole(PROTOCOL);

  app.post("/delegations/:id/share", protocol, async (c) => {
    const { db, clock, config } = c.get("deps");
    const issued = await issueShareLink(db, {
      delegationId: c.req.param("id"),
      actor: actorOf(c),
      now: clock(),
      baseUrl: config.baseUrl,
      hostTimeZone: config.hostTimeZone,
    });
    return showAgenda(c, c.req.param("id"), { sharedUrl: issued.url });
  });
  app.post("/delegations/:id/share/revoke", protocol, async (c) => {
    const { db, clock } = c.get("deps");
    if (!(await isConfirmed(c))) {
      const d = await findAgendaDelegation(db.orm, c.req.param("id"));
      if (!d) throw new AppError("not_found");
      return confirmStep(c, {
        message: c.get("t")("confirm.revokeLinks", { code: d.code }),
        back: `/delegations/${d.id}/agenda`,
      });
    }
    await revokeShareLinks(db, { delegationId: c.req.param("id"), actor: actorOf(c), now: clock() });
    return showAgenda(c, c.req.param("id"), { notice: "shareRevoked" });
  });

  app.post("/api/v1/delegations/:id/share", protocol, async (c) => {
    const { db, clock, config } = c.get("deps");
    const issued = await issueShareLink(db, {
      delegationId: c.req.param("id"),
      actor: actorOf(c),
      now: clock(),
      baseUrl: config.baseUrl,
      hostTimeZone: config.hostTimeZone,
    });
    return c.json(
      { url: issued.url, calendarUrl: `${issued.url}/calendar.ics`, pdfUrl: `${issued.url}/itinerary.pdf` },
      201,
    );
  });
  app.delete("/api/v1/delegations/:id/share", protocol, async (c) => {
    const { db, clock } = c.get("deps");
    await revokeShareLinks(db, { delegationId: c.req.param("id"), actor: actorOf(c), now: clock() });
    return c.body(null, 204);
  });
  return app;
}
