/**
 * @module Calendar endpoints: the staff download of a delegation's calendar
 * (`/api/v1/delegations/{id}/calendar.ics`), subscription feeds (`/feeds/{token}.ics`, no login: the
 * secret token is the credential), and admin management of feed tokens (`/api/v1/feeds`, `/admin/feeds`).
 * Calendars are built once per version key and served from `IcsCache` with ETag / 304.
 */
import { Hono } from "hono";
import { z } from "zod";
import { type FreshMemo, freshMemo } from "../../db/fresh-memo";
import { FEED_SCOPES } from "../../db/schema/sharing";
import { hosts, venues } from "../../db/schema/venues";
import { FeedsPage } from "../../views/pages/agenda/feeds-page";
import { agendaVersionKey } from "../agenda/agenda-version";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { sha256Hex } from "../auth/encoding";
import { actorOf, requireRole } from "../auth/guard";
import { ADMIN, STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { msg, readForm, readJson } from "../http/validate";
import { translator } from "../i18n/dictionary";
import { delegationCalendar } from "./delegation-calendar";
import { ifNoneMatch } from "./etag";
import { feedCalendar } from "./feed-calendar";
import {
  createFeedToken,
  type FeedTarget,
  feedTarget,
  listFeedTokens,
  loadFeedItems,
  revokeFeedToken,
} from "./feed-tokens";
import { IcsCache, type IcsCacheEntry } from "./ics-cache";

const feedInput = z.strictObject({
  label: z.string().trim().min(1, msg("error.required")).max(100),
  scope: z.enum(FEED_SCOPES),
  scopeId: z.string().trim().max(100).optional(),
});

const feedOut = z.object({
  id: z.string(),
  label: z.string(),
  scope: z.enum(FEED_SCOPES),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

export const calendarApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/delegations/{id}/calendar.ics",
    summary:
      "The delegation's calendar (METHOD:PUBLISH, one VEVENT per agenda item, cancelled ones STATUS:CANCELLED); ETag / If-None-Match → 304",
    tag: "calendar",
    roles: STAFF,
    query: z.object({ lang: z.enum(["id", "en"]).optional() }),
    responseType: "text/calendar",
  },
  {
    method: "get",
    path: "/feeds",
    summary: "List calendar feed tokens (never the secrets)",
    tag: "calendar",
    roles: ADMIN,
    response: z.object({ feeds: z.array(feedOut) }),
  },
  {
    method: "post",
    path: "/feeds",
    summary:
      "Create a subscription feed for all bookings, one venue or one host; the secret URL (and webcal:// URL) is returned once",
    tag: "calendar",
    roles: ADMIN,
    body: feedInput,
    status: 201,
    response: z.object({ id: z.string(), url: z.string(), webcal: z.string() }),
  },
  {
    method: "delete",
    path: "/feeds/{id}",
    summary: "Revoke a feed token (its URL answers 404 from then on)",
    tag: "calendar",
    roles: ADMIN,
    status: 204,
  },
];

function calendarHeaders(c: AppContext, etag: string, filename: string) {
  c.header("ETag", etag);
  c.header("Cache-Control", "private, no-cache");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
}

function serveEntry(c: AppContext, entry: IcsCacheEntry) {
  return c.body(entry.body, 200, { "Content-Type": "text/calendar; charset=utf-8" });
}

/** The same short 404 for malformed, unknown and revoked feed tokens (no path echoed). */
function feedNotFound(c: AppContext) {
  c.header("Cache-Control", "no-store");
  return c.text("Not found", 404);
}

/**
 * How long a process trusts a feed's version key when another process may have written (its own writes
 * show at once, see `freshMemo`). Calendar apps poll every 15 minutes at best, so seconds cost nothing.
 */
export const FEED_KEY_TTL_MS = 5_000;

export function calendarRoutes() {
  const app = new Hono<AppEnv>();
  const cache = new IcsCache({ maxEntries: 1000 });
  let feedTargets: FreshMemo<FeedTarget> | undefined;
  let versionKeys: FreshMemo<string> | undefined;

  app.get("/api/v1/delegations/:id/calendar.ics", requireRole(STAFF), async (c) => {
    const { db, clock, config } = c.get("deps");
    const id = c.req.param("id");
    const locale = c.get("locale");
    versionKeys ??= freshMemo<string>({ db, clock, ttlMs: 1_000 });
    const versionKey = await versionKeys.get(id, () => agendaVersionKey(db.orm, id));
    if (versionKey === null) throw new AppError("not_found");
    const key = { kind: "delegation-ics", id: `${id}:${locale}`, version: versionKey };
    const entry = await cache.getOrBuild(key, async () => {
      const agenda = await loadDelegationAgenda(db.orm, id, config.hostTimeZone);
      if (!agenda) throw new AppError("not_found");
      return delegationCalendar({
        delegation: agenda.delegation,
        items: agenda.items,
        locale,
        now: clock(),
        url: `${config.baseUrl}/delegations/${id}/agenda`,
      });
    });
    calendarHeaders(c, entry.etag, `delegation-${id.slice(0, 8)}.ics`);
    if (ifNoneMatch(c.req.header("If-None-Match"), entry.etag)) return c.body(null, 304);
    return serveEntry(c, entry);
  });

  app.get("/feeds/:file", async (c) => {
    const file = c.req.param("file");
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
    if (!match?.[1]) return feedNotFound(c);
    const { db, clock, config } = c.get("deps");
    const now = clock();
    feedTargets ??= freshMemo<FeedTarget>({ db, clock, ttlMs: FEED_KEY_TTL_MS });
    const token = match[1];
    const target = await feedTargets.get(token, async () => feedTarget(db.orm, await sha256Hex(token), now));
    if (!target) return feedNotFound(c);
    const locale = c.get("locale");
    const key = { kind: "feed", id: `${target.id}:${locale}`, version: target.versionKey };
    const entry = await cache.getOrBuild(key, async () => {
      const t = translator(locale);
      const name =
        target.scope === "all"
          ? t("feeds.nameAll")
          : t(target.scope === "venue" ? "feeds.nameVenue" : "feeds.nameHost", {
              name: target.scopeName ?? "",
            });
      const items = await loadFeedItems(db.orm, target, now, config.hostTimeZone);
      return feedCalendar({
        name: `${t("app.name")} · ${name}`,
        items,
        now,
        locale,
        urlOf: (item) => {
          const delegationId = (item as { delegationId?: string }).delegationId;
          return delegationId ? `${config.baseUrl}/delegations/${delegationId}/agenda` : undefined;
        },
      });
    });
    calendarHeaders(c, entry.etag, "sambang.ics");
    if (ifNoneMatch(c.req.header("If-None-Match"), entry.etag)) return c.body(null, 304);
    return serveEntry(c, entry);
  });

  for (const path of ["/api/v1/feeds", "/api/v1/feeds/*", "/admin/feeds", "/admin/feeds/*"])
    app.use(path, requireRole(ADMIN));

  app.get("/api/v1/feeds", async (c) => c.json({ feeds: await listFeedTokens(c.get("deps").db.orm) }));
  app.post("/api/v1/feeds", async (c) => {
    const body = await readJson(c, feedInput);
    const { db, clock, config } = c.get("deps");
    const created = await createFeedToken(db, {
      ...body,
      actor: actorOf(c),
      now: clock(),
      baseUrl: config.baseUrl,
    });
    return c.json({ id: created.id, url: created.url, webcal: created.webcal }, 201);
  });
  app.delete("/api/v1/feeds/:id", async (c) => {
    const { db, clock } = c.get("deps");
    await revokeFeedToken(db, { id: c.req.param("id"), actor: actorOf(c), now: clock() });
    feedTargets?.clear();
    return c.body(null, 204);
  });

  async function showFeeds(
    c: AppContext,
    extra: {
      created?: { url: string; webcal: string };
      notice?: string;
      errors?: Record<string, string[]>;
    } = {},
    status: 200 | 400 = 200,
  ) {
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
  app.get("/admin/feeds", (c) => showFeeds(c));
  app.post("/admin/feeds", async (c) => {
    const form = await readForm(c, feedInput);
    if (!form.ok) return showFeeds(c, { errors: form.errors }, 400);
    const { db, clock, config } = c.get("deps");
    const scopeId = form.data.scope === "all" ? undefined : form.data.scopeId;
    const created = await createFeedToken(db, {
      ...form.data,
      scopeId,
      actor: actorOf(c),
      now: clock(),
      baseUrl: config.baseUrl,
    });
    return showFeeds(c, { created });
  });
  app.post("/admin/feeds/:id/revoke", async (c) => {
    const { db, clock } = c.get("deps");
    await revokeFeedToken(db, { id: c.req.param("id"), actor: actorOf(c), now: clock() });
    feedTargets?.clear();
    return showFeeds(c, { notice: c.get("t")("feeds.revoked") });
  });
  return app;
}
