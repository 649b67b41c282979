/**
 * @module The public-log API: publish or update (POST) and unpublish (DELETE) a completed visit under
 * /api/v1/delegations/{id}/publication (humas, admin), and the published visits for anyone at
 * /api/v1/public/visits (only public fields).
 */
import { z } from "zod";
import { HUMAS } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { listPublicVisits, type PublicVisit } from "./public-visits";
import { publicationInputSchema } from "./schemas";
import { publishVisit, unpublishVisit } from "./service";

const tag = "publicity";
const idParam = z.object({ id: z.string() });
const linkOut = z.object({ label: z.string(), url: z.string() });
const publicationOut = z.object({
  publication: z.object({
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    version: z.number().int(),
    publishedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
});
const publicVisitOut = z.object({
  slug: z.string(),
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  photoUrl: z.string().nullable(),
  photoAlt: z.string().nullable(),
  links: z.array(linkOut),
  visitStart: z.iso.date(),
  visitEnd: z.iso.date(),
  origin: z.string(),
  leaderOffice: z.string(),
  publishedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const publish = apiRoute({
  method: "post",
  path: "/delegations/{id}/publication",
  operationId: "publishVisit",
  summary:
    "Publish a completed visit on the public log of visits, or update its publication (409 if not completed)",
  tag,
  roles: HUMAS,
  errors: [409],
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: publicationInputSchema } } },
  },
  responses: { 200: json(publicationOut) },
});

const unpublish = apiRoute({
  method: "delete",
  path: "/delegations/{id}/publication",
  operationId: "unpublishVisit",
  summary: "Take a visit off the public log of visits",
  tag,
  roles: HUMAS,
  request: { params: idParam },
  responses: { 200: json(z.object({ unpublished: z.boolean() })) },
});

const list = apiRoute({
  method: "get",
  path: "/public/visits",
  operationId: "listPublicVisits",
  summary: "Published visits, most recent first: only what the public pages show",
  tag,
  responses: { 200: json(z.object({ visits: z.array(publicVisitOut) })) },
});

const out = (baseUrl: string, v: PublicVisit) => ({
  ...v,
  url: `${baseUrl}/kunjungan/${v.slug}`,
  publishedAt: v.publishedAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

export function publicityApi() {
  const app = featureApi();
  app.openapi(publish, async (c) => {
    const row = await publishVisit(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    const url = `${c.get("deps").config.baseUrl}/kunjungan/${row.slug}`;
    return c.json(
      {
        publication: {
          slug: row.slug,
          url,
          title: row.title,
          version: row.version,
          publishedAt: row.publishedAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        },
      },
      200,
    );
  });
  app.openapi(unpublish, async (c) => {
    const done = await unpublishVisit(serviceContext(c), c.req.valid("param").id);
    return c.json({ unpublished: done }, 200);
  });
  app.openapi(list, async (c) => {
    const visits = await listPublicVisits(c.get("deps").db.orm);
    return c.json({ visits: visits.map((v) => out(c.get("deps").config.baseUrl, v)) }, 200);
  });
  return app;
}
