/**
 * @module The static files every page uses, under /assets (stylesheet, scripts, favicon), and the favicon
 * again at /favicon.ico, which browsers ask for on their own.
 */
import { type Context, Hono } from "hono";
import { APP_JS } from "../../views/app-script";
import { APP_CSS } from "../../views/styles";
import type { AppEnv } from "../http/context";
import { FAVICON_SVG } from "./static-assets";

const HOUR = "public, max-age=3600";

function favicon(c: Context<AppEnv>) {
  c.header("Cache-Control", "public, max-age=86400");
  return c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml" });
}

export function assets() {
  const app = new Hono<AppEnv>();
  app.get("/app.css", (c) => {
    c.header("Cache-Control", HOUR);
    return c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
  });
  app.get("/favicon.svg", favicon);
  app.get("/app.js", (c) => {
    c.header("Cache-Control", HOUR);
    return c.body(APP_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });
  return app;
}

export function faviconIco() {
  const app = new Hono<AppEnv>();
  app.get("/", favicon);
  return app;
}
