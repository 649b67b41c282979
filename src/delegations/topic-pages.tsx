/** @module Admin page for the visit topics visitors choose from, mounted at /admin/topics: list, add, (de)activate. */
import { Hono } from "hono";
import { z } from "zod";
import { TopicsPage } from "../../views/pages/delegations/topics";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { redirectWithFlash, takeFlash } from "../http/flash";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, readForm } from "../http/validate";
import {
  createTopic,
  listTopics,
  renameTopic,
  setTopicActive,
  topicInputSchema,
  topicNamesSchema,
} from "./topics";

async function show(
  c: AppContext,
  extra: { errors?: FieldErrors; values?: Record<string, string>; notice?: string; editing?: string } = {},
  status: 200 | 400 | 409 = 200,
) {
  const topics = await listTopics(c.get("deps").db);
  return renderPage(
    c,
    c.get("t")("topics.title"),
    <TopicsPage ctx={pageContext(c)} topics={topics} {...extra} />,
    status,
  );
}

export function topicPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));
  app.get("/", (c) => show(c, { notice: takeFlash(c).notice }));
  app.post("/", async (c) => {
    const form = await readForm(c, topicInputSchema);
    if (!form.ok) return show(c, { errors: form.errors, values: form.values }, 400);
    try {
      await createTopic(serviceContext(c), form.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return show(c, { errors: { id: [c.get("t")("topics.exists")] }, values: form.values }, 409);
      throw error;
    }
    return redirectWithFlash(c, "/admin/topics", { notice: c.get("t")("delegations.saved") });
  });
  app.post("/:id/active", async (c) => {
    const form = await readForm(c, z.object({ active: z.enum(["true", "false"]) }));
    if (!form.ok) return show(c, { errors: form.errors }, 400);
    await setTopicActive(serviceContext(c), c.req.param("id"), form.data.active === "true");
    return redirectWithFlash(c, "/admin/topics", { notice: c.get("t")("delegations.saved") });
  });
  app.post("/:id", async (c) => {
    const form = await readForm(c, topicNamesSchema);
    if (!form.ok)
      return show(c, { errors: form.errors, editing: c.req.param("id"), values: form.values }, 400);
    await renameTopic(serviceContext(c), c.req.param("id"), form.data);
    return redirectWithFlash(c, "/admin/topics", { notice: c.get("t")("delegations.saved") });
  });
  return app;
}
