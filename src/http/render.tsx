/**
 * @module Renders a server-side page inside the layout, from the request's language and user.
 */
import type { Child } from "hono/jsx";
import { Layout } from "../../views/layout";
import type { PageContext } from "../../views/page-context";
import type { AppContext } from "./context";
import { returnPath } from "./return-to";

export function pageContext(c: AppContext): PageContext {
  return {
    locale: c.get("locale"),
    t: c.get("t"),
    user: c.get("user"),
    path: c.req.path,
    returnTo: returnPath(c),
    hostTimeZone: c.get("deps").config.hostTimeZone,
  };
}

export function renderPage(
  c: AppContext,
  title: string,
  body: Child,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 = 200,
) {
  c.header("Cache-Control", "no-store");
  return c.html(
    <Layout ctx={pageContext(c)} title={title}>
      {body}
    </Layout>,
    status,
  );
}
