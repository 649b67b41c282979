/**
 * @module Subscription feeds, mounted at /feeds: `GET /feeds/{token}.ics`, no login (the secret token is
 * the credential). Malformed, unknown and revoked tokens get the same short 404. Built once per feed
 * version and language, served with ETag / 304.
 */
import { Hono } from "hono";
import { type FreshMemo, freshMemo } from "../../db/fresh-memo";
import { sha256Hex } from "../auth/encoding";
import type { AppContext, AppEnv } from "../http/context";
import { translator } from "../i18n/dictionary";
import { feedCalendar } from "./feed-calendar";
import { type FeedTarget, feedTarget, loadFeedItems } from "./feed-tokens";
import { IcsCache } from "./ics-cache";
import { serveCalendar } from "./serve-calendar";

/**
 * How long a process trusts a feed's version key when another process may have written (its own writes
 * show at once, see `freshMemo`). Calendar apps poll every 15 minutes at best, so seconds cost nothing.
 */
export const FEED_KEY_TTL_MS = 5_000;

/** The same short 404 for malformed, unknown and revoked feed tokens (no path echoed). */
function feedNotFound(c: AppContext) {
  c.header("Cache-Control", "no-store");
  return c.text("Not found", 404);
}

export function feedFiles() {
  const app = new Hono<AppEnv>();
  const cache = new IcsCache({ maxEntries: 1000 });
  let feedTargets: FreshMemo<FeedTarget> | undefined;

  app.get("/:file", async (c) => {
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(c.req.param("file"));
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
    return serveCalendar(c, entry, "sambang.ics");
  });
  return app;
}
