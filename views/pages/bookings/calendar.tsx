import { formatLocalDate, formatWallTime, formatWallTimeRange } from "../../../src/i18n/format";
import { agendaKindKey } from "../../../src/i18n/keys";
import type { CalendarDay } from "../../../src/staff-calendar/load";
import type { PageContext } from "../../page-context";

export interface CalendarNav {
  prev: string;
  next: string;
  today: string;
  week: string;
  day: string;
  mode: "week" | "day";
}

export function CalendarPage(props: {
  ctx: PageContext;
  subtitle: string;
  zone: string;
  days: CalendarDay[];
  nav: CalendarNav;
  showVenue: boolean;
}) {
  const { ctx, days, nav } = props;
  const { t, locale } = ctx;
  return (
    <>
      <p class="muted">
        {props.subtitle} · {props.zone}
      </p>
      <nav class="row no-print cal-nav" aria-label={t("calendar.title")}>
        <a class="button secondary" href={nav.prev}>
          ← {t("calendar.prev")}
        </a>
        <a class="button secondary" href={nav.today}>
          {t("calendar.today")}
        </a>
        <a class="button secondary" href={nav.next}>
          {t("calendar.next")} →
        </a>
        <a class="button secondary" href={nav.week} aria-current={nav.mode === "week" ? "page" : undefined}>
          {t("calendar.week")}
        </a>
        <a class="button secondary" href={nav.day} aria-current={nav.mode === "day" ? "page" : undefined}>
          {t("calendar.day")}
        </a>
      </nav>
      <p class="muted no-print small">{t("calendar.print")}</p>
      <div class={nav.mode === "week" ? "cal-week" : "cal-day-view"} data-testid="calendar">
        {days.map((d) => (
          <section class="cal-day" aria-labelledby={`day-${d.date}`} data-date={d.date}>
            <h2 id={`day-${d.date}`}>{formatLocalDate(d.date, locale)}</h2>
            {d.hours !== undefined && (
              <p class="small muted">
                {d.hours.length > 0
                  ? d.hours
                      .map((h) =>
                        h
                          .split("–")
                          .map((x) => formatWallTime(x, locale))
                          .join("–"),
                      )
                      .join(", ")
                  : t("calendar.closed")}
              </p>
            )}
            {d.closures.map((c) => (
              <p class="cal-closed small">
                {c.allDay ? t("calendar.closed") : formatWallTimeRange(c.start, c.end, locale)}: {c.reason}
              </p>
            ))}
            {d.items.length === 0 ? (
              <p class="small muted">{t("calendar.empty")}</p>
            ) : (
              <ul class="plain">
                {d.items.map((i) => (
                  <li
                    class={[
                      "cal-item",
                      i.merged ? "merged" : "",
                      d.tentative.includes(i.id) ? "tentative" : "",
                    ]
                      .filter(Boolean)
                      .join(" ")}
                    data-testid="calendar-item"
                  >
                    <strong>{formatWallTimeRange(i.local.start, i.local.end, locale)}</strong> {i.title}
                    <div class="small">
                      {t(agendaKindKey(i.kind))} · {t("calendar.people", { count: i.groupSize })}
                      {i.merged && <span class="badge">{t("calendar.merged")}</span>}
                      {d.tentative.includes(i.id) && (
                        <span class="badge" data-testid="tentative">
                          {t("grid.tentative")}
                        </span>
                      )}
                    </div>
                    {props.showVenue && i.venue && <div class="small">{i.venue.name}</div>}
                    {i.hostIds.length > 0 && (
                      <div class="small muted">{i.hostIds.map((h) => d.hostNames[h] ?? h).join(", ")}</div>
                    )}
                    <div class="small">
                      {i.delegations.map((p, n) => (
                        <>
                          {n > 0 && " + "}
                          <a href={`/delegations/${p.delegationId}`}>
                            {p.code} {p.institution}
                          </a>{" "}
                          ({p.groupSize})
                        </>
                      ))}
                    </div>
                    {i.overrideReason && (
                      <div class="small cal-closed">
                        {t("calendar.override", { reason: i.overrideReason })}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

export function CalendarIndexPage(props: {
  ctx: PageContext;
  venues: { id: string; name: string }[];
  hosts: { id: string; name: string; title: string }[];
}) {
  const { t } = props.ctx;
  return (
    <div class="row cal-index">
      <section>
        <h2>{t("calendar.venues")}</h2>
        <ul>
          {props.venues.map((v) => (
            <li>
              <a href={`/calendar/venues/${v.id}`}>{v.name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("calendar.hosts")}</h2>
        <ul>
          {props.hosts.map((h) => (
            <li>
              <a href={`/calendar/hosts/${h.id}`}>{h.name}</a> <span class="muted small">{h.title}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
