/**
 * @module The admins' page of calendar subscription feeds, mounted at /admin/feeds: list, create, revoke.
 * A created feed's secret URL is shown once: the 303 after the POST carries its token in a short-lived
 * cookie only this page reads (and clears), since only the token's hash is stored. Bad input shows its
 * errors beside the fields with what was typed kept; revoking asks first.
 */
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { hosts, venues } from "../../db/schema/venues";
import { FeedsPage, type FeedsPageProps } from "../../views/pages/agenda/feeds-page";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { readForm } from "../http/validate";
import { translate } from "../i18n/dictionary";
import { createFeedToken, feedUrls, listFeedTokens, revokeFeedToken } from "./feed-tokens";
import { feedInput } from "./feeds-api";

const CREATED_COOKIE = "sambang_feed_created";
const PATH = "/admin/feeds";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

type Extra = Omit<FeedsPageProps, "ctx" | "feeds" | "venues" | "hosts">;

async function showFeeds(c: AppContext, extra: Extra = {}, status: 200 | 400 = 200) {
  const { db } = c.get("deps");
  const [feeds, venueList, hostList] = await Promise.all([
    listFeedTokens(db.orm),
    db.orm.select({ id: venues.id, name: venues.name }).from(venues).orderBy(venues.name),
    db.orm.select({ id: hosts.id, name: hosts.name }).from(hosts).orderBy(hosts.name),
  ]);
  return renderPage(
    c,
    c.get("t")("feeds.title"),
    <FeedsPage ctx={pageContext(c)} feeds={feeds} venues={venueList} hosts={hostList} {...extra} />,
    status,
  );
}

export function feedsPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", (c) => {
    const token = getCookie(c, CREATED_COOKIE);
    if (token !== undefined) deleteCookie(c, CREATED_COOKIE, { path: PATH });
    const created = token && TOKEN.test(token) ? feedUrls(c.get("deps").config.baseUrl, token) : undefined;
    const done = c.req.query("done");
    const notice = done === "revoked" ? c.get("t")("feeds.revoked") : undefined;
    return showFeeds(c, { ...(created ? { created } : {}), ...(notice ? { notice } : {}) });
  });

  app.post("/", async (c) => {
    const form = await readForm(c, feedInput);
    if (!form.ok) return showFeeds(c, { errors: form.errors, values: form.values }, 400);
    const ctx = serviceContext(c);
    const { config } = c.get("deps");
    try {
      const created = await createFeedToken(ctx, {
        ...form.data,
        scopeId: form.data.scope === "all" ? undefined : form.data.scopeId,
        baseUrl: config.baseUrl,
      });
      setCookie(c, CREATED_COOKIE, created.token, {
        path: PATH,
        httpOnly: true,
        sameSite: "Strict",
        secure: config.baseUrl.startsWith("https:"),
        maxAge: 300,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const message = translate(c.get("locale"), error.messageKey);
      return showFeeds(c, { errors: { scopeId: [message] }, values: form.values }, 400);
    }
    return c.redirect(PATH, 303);
  });

  app.post("/:id/revoke", async (c) => {
    const id = c.req.param("id");
    const feed = (await listFeedTokens(c.get("deps").db.orm)).find((f) => f.id === id);
    if (!feed) throw new AppError("not_found");
    if (!(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("feeds.confirmRevoke", { label: feed.label }),
        back: PATH,
      });
    }
    const ctx = serviceContext(c);
    await revokeFeedToken(ctx, id);
    return c.redirect(`${PATH}?done=revoked`, 303);
  });
  return app;
}
