/**
 * @module The staff home page: delegations per status (each a link into the inbox), confirmed visits still
 * to come, and today's agenda with times in the venue's zone.
 */
import type { Child } from "hono/jsx";
import { DELEGATION_STATUSES } from "../../db/schema/delegations";
import type { Dashboard } from "../../src/home/dashboard";
import { localized } from "../../src/i18n/dictionary";
import { formatLocalDate, formatTime } from "../../src/i18n/format";
import { statusKey } from "../../src/i18n/keys";
import type { PageContext } from "../page-context";
import { rangeLabel } from "./public/status";

export function HomePage({
  ctx,
  dashboard,
  followUp,
}: {
  ctx: PageContext;
  dashboard: Dashboard;
  followUp?: Child;
}) {
  const { t, user, locale } = ctx;
  if (!user) return null;
  const { counts, upcoming, todayItems, today } = dashboard;
  return (
    <>
      <p>{t("home.intro", { role: t(`role.${user.role}`) })}</p>
      <ul class="stat-list" aria-label={t("home.byStatus")}>
        {DELEGATION_STATUSES.map((status) => (
          <li>
            <a href={`/delegations?status=${status}`} data-testid={`count-${status}`}>
              <strong>{counts[status]}</strong> {t(statusKey(status))}
            </a>
          </li>
        ))}
      </ul>
      {followUp}

      <h2>{t("home.today", { date: formatLocalDate(today, locale) })}</h2>
      {todayItems.length === 0 ? (
        <p class="muted">{t("home.todayEmpty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <tbody>
              {todayItems.map((item) => {
                const zone = item.venueTimeZone ?? ctx.hostTimeZone;
                return (
                  <tr>
                    <td>
                      {formatTime(item.startsAt, locale, zone, false)}–{formatTime(item.endsAt, locale, zone)}
                    </td>
                    <td>
                      {localized(locale, item.title, item.titleEn)}
                      {item.venueName && <span class="muted"> · {item.venueName}</span>}
                    </td>
                    <td>
                      <a href={`/delegations/${item.delegationId}/agenda`}>{item.code}</a>{" "}
                      <span class="muted">{item.institution}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("home.upcoming")}</h2>
      {upcoming.length === 0 ? (
        <p class="muted">{t("home.upcomingEmpty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <tbody>
              {upcoming.map((d) => (
                <tr>
                  <td>{d.confirmedDates ? rangeLabel(d.confirmedDates, locale) : ""}</td>
                  <td>
                    <a href={`/delegations/${d.id}`}>{d.code}</a> {d.institution}
                    <div class="muted">
                      {d.leaderName}, {d.leaderTitle} · {t("home.people", { n: d.expectedSize })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t("time.zoneNote")}</p>
    </>
  );
}
