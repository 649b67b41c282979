/**
 * @module The visitor's side of a share link, no login, mounted at `/i`: `GET /i/{token}` (the itinerary
 * page), `/i/{token}/calendar.ics` (METHOD:PUBLISH) and `/i/{token}/itinerary.pdf`. Every answer carries an
 * ETag and `Cache-Control: private, no-cache`, so phones and calendar apps revalidate and get a 304 while
 * the agenda is unchanged. An unknown and a revoked token take the same path and get the same 404. Each
 * open is noted as the link's "last opened" at most every `OPENED_EVERY_MS` per link and process.
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { LRUCache } from "lru-cache";
import { type FreshMemo, freshMemo } from "../../db/fresh-memo";
import { ErrorPage } from "../../views/pages/error";
import { type ShareLinkTarget, shareLinkTarget } from "../agenda/agenda-version";
import { noteShareLinkOpened, OPENED_EVERY_MS, tokenOpensLink } from "../agenda/share-links";
import { sha256Hex } from "../auth/encoding";
import { ifNoneMatch } from "../calendar/etag";
import { linkSecretOf } from "../config";
import type { AppContext, AppEnv } from "../http/context";
import { LOCALE_COOKIE, setLocale } from "../http/locale";
import { pageContext } from "../http/render";
import { isLocale, type Locale } from "../i18n/dictionary";
import { createItineraryPublisher, type PublishedKind, type PublishRequest } from "./publish";

/**
 * How long a process trusts a link's agenda version without asking the database: its own writes show at
 * once (see `freshMemo`); edits by another process or a revocation elsewhere within this bound.
 */
export const TARGET_TTL_MS = 1_000;

/** A token is 32 random bytes in base64url: 43 characters. Anything else is not looked up at all. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const CONTENT_TYPES: Record<PublishedKind, string> = {
  page: "text/html; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
};

/** Thrown for any token that resolves to nothing; answered by `notFoundPage`, the same bytes every time. */
class NoSuchLink extends Error {}

function notFound(): never {
  throw new NoSuchLink();
}

/** One fixed 404 for unknown, revoked and malformed tokens: no path echoed, nothing to tell them apart. */
function notFoundPage(c: AppContext) {
  c.header("Cache-Control", "no-store");
  const ctx = { ...pageContext(c), user: null, path: "/i", returnTo: "/" };
  return c.html(<ErrorPage ctx={ctx} message={ctx.t("error.not_found")} />, 404);
}

function chosenLocale(c: AppContext, fallback: Locale): Locale {
  const fromQuery = c.req.query("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie = getCookie(c, LOCALE_COOKIE);
  return isLocale(fromCookie) ? fromCookie : fallback;
}

export function visitorPages() {
  const app = new Hono<AppEnv>();
  // token → SHA-256, so a phone revalidating every few seconds does not hash again. Bounded; a pure memo.
  const hashes = new LRUCache<string, string>({ max: 2000 });
  const hashOf = async (token: string) => {
    const known = hashes.get(token);
    if (known) return known;
    const hash = await sha256Hex(token);
    hashes.set(token, hash);
    return hash;
  };
  let publisher: ReturnType<typeof createItineraryPublisher> | undefined;
  let targets: FreshMemo<ShareLinkTarget> | undefined;
  // link id → when this process last noted an open; spares the database a write per page view.
  const opened = new LRUCache<string, number>({ max: 5000 });

  /** True when it wrote (which makes this process's memos re-read: see `freshMemo`). */
  async function noteOpened(c: AppContext, linkId: string, now: Date): Promise<boolean> {
    const last = opened.get(linkId);
    if (last !== undefined && now.getTime() - last < OPENED_EVERY_MS && now.getTime() >= last) return false;
    opened.set(linkId, now.getTime());
    await noteShareLinkOpened(c.get("deps").db, linkId, now);
    return true;
  }

  async function resolve(c: AppContext): Promise<PublishRequest> {
    const token = c.req.param("token") ?? "";
    if (!TOKEN.test(token)) notFound();
    const { db, clock, config } = c.get("deps");
    targets ??= freshMemo<ShareLinkTarget>({ db, clock, ttlMs: TARGET_TTL_MS });
    const memo = targets;
    const secret = linkSecretOf(config);
    const lookUp = () =>
      memo.get(token, async () => {
        const found = await shareLinkTarget(db.orm, await hashOf(token));
        // A derived link found by the hash still needs the current secret: a changed secret ends it.
        return found && (await tokenOpensLink(secret, found.linkId, token)) ? found : null;
      });
    let target = await lookUp();
    if (!target) notFound();
    const now = clock();
    // Noting the open is a write; looking up again keeps the memo primed for the next request.
    if (await noteOpened(c, target.linkId, now)) target = await lookUp();
    if (!target) notFound();
    const locale = chosenLocale(c, target.language);
    setLocale(c, locale);
    return { target, token, locale, now };
  }

  function common(c: AppContext, etag: string) {
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Cookie");
    c.header("X-Robots-Tag", "noindex, nofollow");
  }

  async function serve(c: AppContext, kind: PublishedKind) {
    publisher ??= createItineraryPublisher(c.get("deps"));
    const request = await resolve(c);
    const etag = await publisher.etag(kind, request);
    common(c, etag);
    if (ifNoneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
    const code = request.target.linkId.slice(0, 8);
    if (kind === "pdf") {
      const { bytes } = await publisher.pdf(request);
      c.header("Content-Disposition", `inline; filename="itinerary-${code}.pdf"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "Content-Type": CONTENT_TYPES.pdf });
    }
    const entry = kind === "page" ? await publisher.page(request) : await publisher.ics(request);
    if (kind === "ics") c.header("Content-Disposition", `attachment; filename="itinerary-${code}.ics"`);
    return c.body(entry.body, 200, { "Content-Type": CONTENT_TYPES[kind] });
  }

  const guarded = (kind: PublishedKind) => async (c: AppContext) => {
    try {
      return await serve(c, kind);
    } catch (error) {
      if (error instanceof NoSuchLink) return notFoundPage(c);
      throw error;
    }
  };
  app.get("/:token", guarded("page"));
  app.get("/:token/calendar.ics", guarded("ics"));
  app.get("/:token/itinerary.pdf", guarded("pdf"));
  return app;
}
