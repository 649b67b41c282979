/**
 * @module The NOT-SENT mail preview (/mail/preview): the .eml files the file transport wrote when no SMTP
 * server is configured, listed, shown (HTML sandboxed) and downloadable. They hold the same live status and
 * itinerary links as the outbox, so only protocol staff see them.
 */
import { Hono } from "hono";
import { MailPreviewPage } from "../../views/pages/mail/preview";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { PREVIEW_NAME } from "./preview";

export function mailPreviewPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));

  const page = async (c: AppContext, selected?: Awaited<ReturnType<typeof readPreview>>) => {
    const { mail } = c.get("deps");
    const entries = (await mail?.preview?.list()) ?? [];
    return renderPage(
      c,
      c.get("t")("mail.preview.title"),
      <MailPreviewPage
        ctx={pageContext(c)}
        transport={mail?.transport ?? { kind: "file", description: "—" }}
        entries={entries}
        selected={selected}
      />,
    );
  };

  const readPreview = async (c: AppContext) => {
    const name = c.req.param("name") ?? "";
    const entry = PREVIEW_NAME.test(name) ? await c.get("deps").mail?.preview?.read(name) : null;
    if (!entry) throw new AppError("not_found");
    return entry;
  };

  app.get("/", (c) => page(c));
  app.get("/:name", async (c) => page(c, await readPreview(c)));

  app.get("/:name/html", async (c) => {
    const entry = await readPreview(c);
    // The mail's own HTML, sandboxed: no script, no network, its inline styles only.
    c.header(
      "Content-Security-Policy",
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    c.header("Cache-Control", "no-store");
    return c.html(entry.html);
  });

  app.get("/:name/raw", async (c) => {
    const entry = await readPreview(c);
    c.header("Content-Disposition", `attachment; filename="${entry.name}"`);
    c.header("Cache-Control", "no-store");
    return c.body(entry.raw, 200, { "Content-Type": "message/rfc822" });
  });
  return app;
}
