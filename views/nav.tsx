/**
 * @module The staff menu: a few top links and named groups, each group a `<details>` (no script needed).
 * On a phone the whole menu folds behind one "Menu" button; on a wide screen the groups are drop-downs.
 * A group with a single item the user may see is shown as a plain link.
 */
import type { Role } from "../db/schema/auth";
import type { MessageKey } from "../src/i18n/dictionary";
import type { PageContext } from "./page-context";

interface NavItem {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

interface NavGroup {
  label: MessageKey;
  items: NavItem[];
}

const ALL: readonly Role[] = ["admin", "protocol", "humas", "viewer"];
const DESK: readonly Role[] = ["admin", "protocol"];
const ADMIN: readonly Role[] = ["admin"];

/** Features add their entries here; each is shown only to the roles listed. */
export const NAV_GROUPS: NavGroup[] = [
  { label: "nav.home", items: [{ href: "/", label: "nav.home", roles: ALL }] },
  {
    label: "nav.group.visits",
    items: [
      { href: "/delegations", label: "nav.delegations", roles: ALL },
      { href: "/commitments", label: "nav.commitments", roles: ALL },
      { href: "/reports", label: "nav.reports", roles: ALL },
    ],
  },
  {
    label: "nav.group.schedule",
    items: [
      { href: "/calendar/day", label: "nav.dayGrid", roles: ALL },
      { href: "/calendar", label: "nav.calendar", roles: ALL },
      { href: "/availability", label: "nav.availability", roles: DESK },
      { href: "/templates", label: "nav.templates", roles: DESK },
    ],
  },
  {
    label: "nav.group.places",
    items: [
      { href: "/venues", label: "nav.venues", roles: DESK },
      { href: "/hosts", label: "nav.hosts", roles: DESK },
      { href: "/admin/closures", label: "nav.closures", roles: DESK },
    ],
  },
  {
    label: "nav.group.mail",
    items: [
      { href: "/admin/outbox", label: "mail.outbox.title", roles: DESK },
      { href: "/admin/feeds", label: "feeds.title", roles: ADMIN },
    ],
  },
  {
    label: "nav.group.admin",
    items: [
      { href: "/admin/users", label: "nav.users", roles: ADMIN },
      { href: "/admin/tokens", label: "nav.tokens", roles: ADMIN },
      { href: "/admin/audit", label: "nav.audit", roles: ADMIN },
      { href: "/admin/topics", label: "nav.topics", roles: ADMIN },
      { href: "/admin/host-settings", label: "nav.hostSettings", roles: ADMIN },
      { href: "/api/v1/docs", label: "nav.apiDocs", roles: ALL },
      { href: "/account/password", label: "account.password.nav", roles: ALL },
    ],
  },
];

/** Every entry of the menu, flat (for tests and for finding the current page). */
export const NAV_ITEMS: NavItem[] = NAV_GROUPS.flatMap((g) => g.items);

/** The one entry that best matches the path (the longest href it starts with). */
function currentHref(path: string, hrefs: string[]): string | undefined {
  let best: string | undefined;
  for (const href of hrefs) {
    const hit = href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
    if (hit && (!best || href.length > best.length)) best = href;
  }
  return best;
}

export function MainNav({ ctx }: { ctx: PageContext }) {
  const { t, user } = ctx;
  if (!user) return null;
  const groups = NAV_GROUPS.map((g) => ({
    ...g,
    items: g.items.filter((i) => i.roles.includes(user.role)),
  })).filter((g) => g.items.length > 0);
  const current = currentHref(
    ctx.path,
    groups.flatMap((g) => g.items.map((i) => i.href)),
  );
  const link = (i: NavItem) => (
    <a href={i.href} aria-current={i.href === current ? "page" : undefined}>
      {t(i.label)}
    </a>
  );
  return (
    <details class="nav-menu">
      <summary data-testid="nav-toggle">{t("nav.open")}</summary>
      <nav class="main" aria-label={t("nav.menu")}>
        <ul class="nav-groups">
          {groups.map((g) =>
            g.items.length === 1 ? (
              <li class="nav-single">{link(g.items[0] as NavItem)}</li>
            ) : (
              <li>
                <details class="nav-group" name="nav-group">
                  <summary class={g.items.some((i) => i.href === current) ? "current" : undefined}>
                    {t(g.label)}
                  </summary>
                  <ul>
                    {g.items.map((i) => (
                      <li>{link(i)}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ),
          )}
        </ul>
      </nav>
    </details>
  );
}
