/**
 * @module The page shell: doctype, skip link, role-aware navigation, language switch, sign-out, footer.
 * Pages pass their title and content; everything is escaped by hono/jsx.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { switchTarget } from "../src/http/return-to";
import { otherLocale } from "../src/i18n/dictionary";
import { MainNav } from "./nav";
import type { PageContext } from "./page-context";

export { NAV_ITEMS } from "./nav";

export function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const other = otherLocale(ctx.locale);
  return (
    <form method="post" action="/language" class="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="next" value={switchTarget(ctx.returnTo ?? ctx.path, other)} />
      <button type="submit" class="link" lang={other} data-testid="language-switch">
        {ctx.t(other === "en" ? "lang.en" : "lang.id")}
      </button>
    </form>
  );
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children?: Child }) {
  const { t, user } = ctx;
  // Without the doctype browsers lay the page out in quirks mode.
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${t("app.name")}`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/app.js" defer />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip" href="#content">
            {t("nav.skip")}
          </a>
          <header class="top">
            <a class="brand" href={user ? "/" : "/login"}>
              {t("app.name")}
            </a>
            <MainNav ctx={ctx} />
            <div class="tools">
              <LanguageSwitch ctx={ctx} />
              {user ? (
                <form method="post" action="/logout">
                  <button type="submit" class="secondary" data-testid="sign-out">
                    {t("nav.signOut")}
                  </button>
                </form>
              ) : null}
            </div>
          </header>
          <main id="content">
            <h1>{title}</h1>
            {children}
          </main>
          <footer class="bottom">
            {t("app.name")} · {t("app.tagline")}
          </footer>
        </body>
      </html>
    </>
  );
}
