/**
 * @module The page shell: skip link, role-aware navigation, language switch, sign-out, footer.
 * Pages pass their title and content; everything is escaped by hono/jsx.
 */
import type { Child } from "hono/jsx";
import type { Role } from "../db/schema/auth";
import type { MessageKey } from "../src/i18n/dictionary";
import { otherLocale } from "../src/i18n/dictionary";
import type { PageContext } from "./page-context";

interface NavItem {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** Features add their entries here; each is shown only to the roles listed. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "nav.home", roles: ["admin", "protocol", "humas", "viewer"] },
  { href: "/delegations", label: "nav.delegations", roles: ["admin", "protocol", "humas", "viewer"] },
  { href: "/availability", label: "nav.availability", roles: ["admin", "protocol"] },
  { href: "/commitments", label: "nav.commitments", roles: ["admin", "protocol", "humas", "viewer"] },
  { href: "/calendar", label: "nav.calendar", roles: ["admin", "protocol", "humas", "viewer"] },
  { href: "/venues", label: "nav.venues", roles: ["admin", "protocol"] },
  { href: "/hosts", label: "nav.hosts", roles: ["admin", "protocol"] },
  { href: "/templates", label: "nav.templates", roles: ["admin", "protocol"] },
  { href: "/admin/closures", label: "nav.closures", roles: ["admin", "protocol"] },
  { href: "/reports", label: "nav.reports", roles: ["admin", "protocol", "humas", "viewer"] },
  { href: "/admin/topics", label: "nav.topics", roles: ["admin"] },
  { href: "/admin/users", label: "nav.users", roles: ["admin"] },
  { href: "/admin/tokens", label: "nav.tokens", roles: ["admin"] },
  { href: "/admin/audit", label: "nav.audit", roles: ["admin"] },
  { href: "/admin/outbox", label: "mail.outbox.title", roles: ["admin", "protocol"] },
  { href: "/admin/feeds", label: "feeds.title", roles: ["admin"] },
  { href: "/admin/host-settings", label: "nav.hostSettings", roles: ["admin"] },
  { href: "/api/v1/docs", label: "nav.apiDocs", roles: ["admin", "protocol", "humas", "viewer"] },
  {
    href: "/account/password",
    label: "account.password.nav",
    roles: ["admin", "protocol", "humas", "viewer"],
  },
];

function isCurrent(path: string, href: string) {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

export function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const other = otherLocale(ctx.locale);
  return (
    <form method="post" action="/language" class="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="next" value={ctx.path} />
      <button type="submit" class="link" lang={other} data-testid="language-switch">
        {ctx.t(other === "en" ? "lang.en" : "lang.id")}
      </button>
    </form>
  );
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children?: Child }) {
  const { t, user } = ctx;
  const items = user ? NAV_ITEMS.filter((i) => i.roles.includes(user.role)) : [];
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
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
          {items.length > 0 && (
            <nav class="main" aria-label={t("nav.menu")}>
              <ul>
                {items.map((i) => (
                  <li>
                    <a href={i.href} aria-current={isCurrent(ctx.path, i.href) ? "page" : undefined}>
                      {t(i.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
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
  );
}
