/**
 * @module The availability page: search form, free start times grouped per day (each a "Book" button of
 * one form that also names the delegation and title), and conflicts shown inline when booking fails.
 * Opened for a visit, it says so (with a way back to its agenda) and warns beside "book for" when the chosen
 * slot falls outside the visit's dates, with a button to book it anyway.
 */
import type { AvailabilityResult } from "../../../src/bookings/availability";
import type { ConflictDetail } from "../../../src/bookings/check";
import type { FieldErrors } from "../../../src/http/validate";
import { formatDate, formatDateTime, formatTime, formatWallTimeRange } from "../../../src/i18n/format";
import { conflictKindKey } from "../../../src/i18n/keys";
import { Field, FormErrors, fieldError } from "../../components/field";
import { HostPicker } from "../../components/host-picker";
import type { PageContext } from "../../page-context";

export interface Option {
  id: string;
  label: string;
}

export interface AvailabilitySearch {
  venueId: string;
  hostIds: string[];
  from: string;
  to: string;
  durationMinutes: string;
  groupSize: string;
  gridMinutes: string;
}

/** Each conflict's times in its own zone (the venue's where it has one). */
export function ConflictList(props: { ctx: PageContext; conflicts: ConflictDetail[] }) {
  const { t, locale } = props.ctx;
  return (
    <div class="alert error" role="alert" data-testid="conflicts">
      <p>{t("availability.conflicts")}</p>
      <ul>
        {props.conflicts.map((c) => (
          <li>
            <strong>{t(conflictKindKey(c.kind))}</strong>
            {c.title ? `: ${c.title}` : ""} ({formatDateTime(new Date(c.startsAt), locale, c.timeZone)} –{" "}
            {formatTime(new Date(c.endsAt), locale, c.timeZone)})
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AvailabilityPage(props: {
  ctx: PageContext;
  venues: Option[];
  hosts: Option[];
  delegations: Option[];
  search: AvailabilitySearch;
  result?: AvailabilityResult;
  errors?: FieldErrors;
  conflicts?: ConflictDetail[];
  booked?: { title: string; startsAt: string; venueId: string | null; date: string };
  bookValues?: { delegationId?: string; title?: string; kind?: string };
  /** The visit the search is for (from its agenda): code, size and dates in words. */
  visit?: { id: string; code: string; size: number; range: string };
  /** The chosen slot falls outside the visit's dates: the warning, and the slot to book anyway. */
  outside?: { startsAt: string; message: string };
}) {
  const { ctx, search, result } = props;
  const { t, locale } = ctx;
  const zone = result?.timeZone ?? ctx.hostTimeZone;
  const byDay = new Map<string, AvailabilityResult["slots"]>();
  for (const s of result?.slots ?? []) {
    const list = byDay.get(s.local.date) ?? [];
    list.push(s);
    byDay.set(s.local.date, list);
  }
  return (
    <>
      <p class="muted">{t("availability.intro")}</p>
      {props.visit && (
        <p class="alert" role="status" data-testid="for-visit">
          {t("availability.forVisit", {
            code: props.visit.code,
            range: props.visit.range,
            size: props.visit.size,
          })}{" "}
          <a href={`/delegations/${props.visit.id}/agenda`}>
            {t("availability.backToAgenda", { code: props.visit.code })}
          </a>
        </p>
      )}
      {props.booked && (
        <div class="alert ok" role="status" data-testid="booked">
          {t("availability.booked", {
            title: props.booked.title,
            when: formatDateTime(new Date(props.booked.startsAt), locale, zone),
          })}{" "}
          {props.booked.venueId && (
            <a href={`/calendar/venues/${props.booked.venueId}?week=${props.booked.date}`}>
              {t("availability.viewCalendar")}
            </a>
          )}
        </div>
      )}
      <form method="get" action="/availability" class="card stack-wide" data-testid="availability-search">
        <FormErrors errors={props.errors} />
        <div class="row">
          <Field name="venueId" label={t("availability.venue")} errors={props.errors}>
            <select id="f-venueId" name="venueId">
              <option value="">{t("availability.anyVenue")}</option>
              {props.venues.map((v) => (
                <option value={v.id} selected={v.id === search.venueId}>
                  {v.label}
                </option>
              ))}
            </select>
          </Field>
          <HostPicker
            ctx={ctx}
            name="hostIds"
            id="f-hostIds"
            legend={t("availability.hosts")}
            hosts={props.hosts.map((h) => ({ id: h.id, label: h.label }))}
            selected={new Set(search.hostIds)}
            error={fieldError(props.errors, "hostIds")}
          />
        </div>
        <div class="row">
          <Field
            name="from"
            label={t("availability.from")}
            type="date"
            value={search.from}
            errors={props.errors}
          />
          <Field name="to" label={t("availability.to")} type="date" value={search.to} errors={props.errors} />
          <Field
            name="durationMinutes"
            label={t("availability.duration")}
            type="number"
            min="5"
            value={search.durationMinutes}
            errors={props.errors}
          />
          <Field
            name="groupSize"
            label={t("availability.groupSize")}
            type="number"
            min="1"
            value={search.groupSize}
            errors={props.errors}
          />
          <Field
            name="gridMinutes"
            label={t("availability.grid")}
            type="number"
            min="5"
            value={search.gridMinutes}
            errors={props.errors}
          />
        </div>
        {props.visit && <input type="hidden" name="delegationId" value={props.visit.id} />}
        <div>
          <button type="submit">{t("scheduling.search")}</button>
        </div>
      </form>
      {result && (
        <form method="post" action="/availability/book" class="stack-wide" data-testid="availability-results">
          {props.conflicts && props.conflicts.length > 0 && (
            <ConflictList ctx={ctx} conflicts={props.conflicts} />
          )}
          <input type="hidden" name="venueId" value={search.venueId} />
          {search.hostIds.map((h) => (
            <input type="hidden" name="hostIds" value={h} />
          ))}
          <input type="hidden" name="from" value={search.from} />
          <input type="hidden" name="to" value={search.to} />
          <input type="hidden" name="durationMinutes" value={search.durationMinutes} />
          <input type="hidden" name="groupSize" value={search.groupSize} />
          <input type="hidden" name="gridMinutes" value={search.gridMinutes} />
          <p role="status">
            {result.slots.length === 0
              ? t("availability.none")
              : t("availability.count", { count: result.slots.length })}
          </p>
          {result.slots.length > 0 && (
            <div class="card row">
              {props.delegations.length === 0 ? (
                <p class="muted">{t("availability.noDelegations")}</p>
              ) : (
                <Field name="delegationId" label={t("availability.bookFor")}>
                  <select
                    id="f-delegationId"
                    name="delegationId"
                    required
                    aria-describedby={props.outside ? "f-delegationId-outside" : undefined}
                  >
                    {props.delegations.map((d) => (
                      <option value={d.id} selected={d.id === props.bookValues?.delegationId}>
                        {d.label}
                      </option>
                    ))}
                  </select>
                  {props.outside && (
                    <div
                      class="alert warn"
                      role="alert"
                      id="f-delegationId-outside"
                      data-testid="outside-warning"
                    >
                      <p>{props.outside.message}</p>
                      <button
                        type="submit"
                        name="confirmOutside"
                        value={props.outside.startsAt}
                        class="secondary"
                      >
                        {t("availability.bookAnyway", {
                          when: formatDateTime(new Date(props.outside.startsAt), locale, zone),
                        })}
                      </button>
                    </div>
                  )}
                </Field>
              )}
              <Field
                name="title"
                label={t("availability.itemTitle")}
                value={props.bookValues?.title ?? t("agendaKind.tour")}
                required
              />
              <Field name="kind" label={t("blackout.kind")}>
                <select id="f-kind" name="kind">
                  {(
                    ["tour", "presentation", "reception", "discussion", "meal", "travel", "other"] as const
                  ).map((k) => (
                    <option value={k} selected={k === (props.bookValues?.kind ?? "tour")}>
                      {t(`agendaKind.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          )}
          {[...byDay.entries()].map(([date, slots]) => (
            <section class="day-slots" aria-labelledby={`d-${date}`}>
              <h3 id={`d-${date}`}>{formatDate(new Date(slots[0]?.startsAt ?? date), locale, zone)}</h3>
              <ul class="slots">
                {slots.map((s) => (
                  <li>
                    <button
                      type="submit"
                      name="startsAt"
                      value={s.startsAt}
                      class="secondary slot"
                      disabled={props.delegations.length === 0}
                      aria-label={`${t("scheduling.book")} ${formatDate(new Date(s.startsAt), locale, zone)} ${formatWallTimeRange(s.local.start, s.local.end, locale)} ${s.zone}`}
                    >
                      {formatWallTimeRange(s.local.start, s.local.end, locale)} {s.zone}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </form>
      )}
    </>
  );
}
