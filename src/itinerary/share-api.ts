/**
 * @module The itinerary-link API at /api/v1/delegations/{id}/share (protocol staff): list the live links,
 * issue one (revoking the live ones, as on the agenda page), revoke all or one. The link's URL opens the
 * visitors' itinerary without a login, so only protocol staff see it.
 */
import { z } from "zod";
import { issueShareLink, listShareLinks, revokeShareLinks } from "../agenda/share-links";
import { PROTOCOL } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";

const tag = "itinerary";
const idParam = z.object({ id: z.string() });

const linkOut = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z
    .string()
    .nullable()
    .openapi({ description: "Name of the staff member who issued or mailed it" }),
  via: z.enum(["staff", "mail"]),
  lastOpenedAt: z.iso.datetime().nullable().openapi({ description: "Noted at most every ten minutes" }),
  url: z.url().nullable().openapi({ description: "null for a link issued before addresses were kept" }),
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listShareLinks",
  summary: "The delegation's live itinerary links, newest first",
  tag,
  roles: PROTOCOL,
  request: { params: idParam },
  responses: { 200: json(z.object({ links: z.array(linkOut) })) },
});

const issue = apiRoute({
  method: "post",
  path: "/",
  operationId: "issueShareLink",
  summary: "Issue an itinerary link for the visitors (GET /i/{token}); revokes the live ones",
  tag,
  roles: PROTOCOL,
  request: { params: idParam },
  responses: {
    201: json(z.object({ id: z.string(), url: z.url(), calendarUrl: z.url(), pdfUrl: z.url() }), "Created"),
  },
});

const revokeAll = apiRoute({
  method: "delete",
  path: "/",
  operationId: "revokeShareLinks",
  summary: "Revoke every live itinerary link (they answer 404 from then on)",
  tag,
  roles: PROTOCOL,
  request: { params: idParam },
  responses: { 204: { description: "Revoked (also when none was live)" } },
});

const revokeOne = apiRoute({
  method: "delete",
  path: "/{linkId}",
  operationId: "revokeShareLink",
  summary: "Revoke one live itinerary link",
  tag,
  roles: PROTOCOL,
  request: { params: z.object({ id: z.string(), linkId: z.string() }) },
  responses: { 204: { description: "Revoked" } },
});

export function shareApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const { db, config } = c.get("deps");
    const links = await listShareLinks(db.orm, c.req.valid("param").id, config);
    return c.json(
      {
        links: links.map((l) => ({
          ...l,
          createdAt: l.createdAt.toISOString(),
          lastOpenedAt: l.lastOpenedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });
  app.openapi(issue, async (c) => {
    const ctx = serviceContext(c);
    const issued = await issueShareLink(ctx, c.req.valid("param").id);
    return c.json(
      {
        id: issued.id,
        url: issued.url,
        calendarUrl: `${issued.url}/calendar.ics`,
        pdfUrl: `${issued.url}/itinerary.pdf`,
      },
      201,
    );
  });
  app.openapi(revokeAll, async (c) => {
    const ctx = serviceContext(c);
    await revokeShareLinks(ctx, { delegationId: c.req.valid("param").id });
    return c.body(null, 204);
  });
  app.openapi(revokeOne, async (c) => {
    const ctx = serviceContext(c);
    const { id, linkId } = c.req.valid("param");
    await revokeShareLinks(ctx, { delegationId: id, linkId });
    return c.body(null, 204);
  });
  return app;
}
