/**
 * @module The press-release API under /api/v1/delegations/{id}: read the current text (the generated draft
 * until the first save), save a new version (PUT with the version read; a stale one gets 409) and download
 * it as a Word document.
 */
import { z } from "zod";
import { FOLLOW_UP, HUMAS } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { contentDisposition } from "../http/content-disposition";
import { serviceContext } from "../http/service-context";
import { pressDocx } from "./render";
import { currentPressRelease, pressInputSchema, savePressRelease } from "./service";

const tag = "press";
const idParam = z.object({ id: z.string() });
const pressOut = z.object({
  headline: z.string(),
  dateline: z.string(),
  lead: z.string(),
  body: z.string(),
  quotes: z.array(z.object({ speaker: z.string(), title: z.string(), text: z.string() })),
  commitments: z.string(),
  closing: z.string(),
  version: z.number().int(),
  savedAt: z.iso.datetime().nullable(),
  authorLabel: z.string().nullable(),
});

const read = apiRoute({
  method: "get",
  path: "/press-release",
  operationId: "getPressRelease",
  summary: "The current press release (version 0: the generated draft, until the first save)",
  tag,
  roles: FOLLOW_UP,
  request: { params: idParam },
  responses: { 200: json(pressOut) },
});

const write = apiRoute({
  method: "put",
  path: "/press-release",
  operationId: "putPressRelease",
  summary: "Save a new version of the press release; `version` is the one read, a stale one gets 409",
  tag,
  roles: HUMAS,
  errors: [409],
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: pressInputSchema } } },
  },
  responses: { 200: json(pressOut) },
});

const docx = apiRoute({
  method: "get",
  path: "/press-release.docx",
  operationId: "getPressReleaseDocx",
  summary: "The current press release as a Word document",
  tag,
  roles: FOLLOW_UP,
  request: { params: idParam },
  responses: {
    200: {
      description: "A .docx file",
      content: {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
          schema: z.string().meta({ format: "binary" }),
        },
      },
    },
  },
});

export function pressApi() {
  const app = featureApi();
  const current = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0], id: string) => {
    const p = await currentPressRelease(c.get("deps").db.orm, id, c.get("deps").config.hostTimeZone);
    return { ...p, savedAt: p.savedAt?.toISOString() ?? null };
  };
  app.openapi(read, async (c) => c.json(await current(c, c.req.valid("param").id), 200));
  app.openapi(write, async (c) => {
    const { id } = c.req.valid("param");
    await savePressRelease(serviceContext(c), id, c.req.valid("json"));
    return c.json(await current(c, id), 200);
  });
  app.openapi(docx, async (c) => {
    const { id } = c.req.valid("param");
    const p = await currentPressRelease(c.get("deps").db.orm, id, c.get("deps").config.hostTimeZone);
    const bytes = await pressDocx(p);
    c.header("Content-Disposition", contentDisposition("attachment", "siaran-pers.docx"));
    c.header("Cache-Control", "no-store");
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });
  return app;
}
