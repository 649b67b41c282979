/**
 * @module The public log of visits (no sign-in): `/kunjungan` (published visits, newest first), a page per
 * visit `/kunjungan/{slug}` and the Atom feed `/kunjungan/feed.atom`. Answers are public and cacheable with
 * an ETag of their exact bytes (304 on a match); an unknown slug is a plain 404.
 */
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { Layout } from "../../views/layout";
import { ErrorPage } from "../../views/pages/error";
import { PublicLogPage, PublicVisitPage } from "../../views/pages/publicity/public-log";
import { sha256Hex } from "../auth/encoding";
import { ifNoneMatch } from "../calendar/etag";
import { getHostSettings } from "../host-settings/service";
import type { AppContext, AppEnv } from "../http/context";
import { pageContext } from "../http/render";
import { translator } from "../i18n/dictionary";
import { atomFeed } from "./atom";
import { findPublicVisit, listPublicVisits } from "./public-visits";

const SLUG = /^[a-z0-9-]{1,80}$/;

async function cacheable(c: AppContext, body: string, contentType: string) {
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=300");
  c.header("Vary", "Cookie, Accept-Language");
  if (ifNoneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": contentType });
}

// Published photos live on the regency's own sites: images from any https origin, nothing else widened.
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

async function page(c: AppContext, title: string, child: Child): Promise<string> {
  const ctx = { ...pageContext(c), user: null };
  c.header("Content-Security-Policy", PAGE_CSP);
  return String(
    await (
      <Layout ctx={ctx} title={title}>
        {child}
      </Layout>
    ).toString(),
  );
}

export function publicLogPages() {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const db = c.get("deps").db.orm;
    const [visits, host] = await Promise.all([listPublicVisits(db), getHostSettings(db)]);
    const t = c.get("t");
    const html = await page(
      c,
      t("publicLog.title"),
      <PublicLogPage ctx={pageContext(c)} host={host.governmentName} visits={visits} />,
    );
    return cacheable(c, html, "text/html; charset=utf-8");
  });

  app.get("/feed.atom", async (c) => {
    const db = c.get("deps").db.orm;
    const [visits, host] = await Promise.all([listPublicVisits(db, 50), getHostSettings(db)]);
    const xml = atomFeed({
      baseUrl: c.get("deps").config.baseUrl,
      title: `${translator("id")("publicLog.title")} – ${host.governmentName}`,
      host: host.governmentName,
      visits,
    });
    return cacheable(c, xml, "application/atom+xml; charset=utf-8");
  });

  app.get("/:slug", async (c, next) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) return next();
    const v = await findPublicVisit(c.get("deps").db.orm, slug);
    if (!v) {
      c.header("Cache-Control", "no-store");
      const ctx = { ...pageContext(c), user: null };
      return c.html(<ErrorPage ctx={ctx} message={ctx.t("error.not_found")} />, 404);
    }
    const html = await page(c, v.title, <PublicVisitPage ctx={pageContext(c)} v={v} />);
    return cacheable(c, html, "text/html; charset=utf-8");
  });

  return app;
}
