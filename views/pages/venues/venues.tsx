/** @module Venues: the list with links to edit and calendar, the add form, and closures for all venues. */

import type { FieldErrors } from "../../../src/http/validate";
import type { VenueRow } from "../../../src/venues/service";
import type { PageContext } from "../../page-context";
import { BlackoutForm, type BlackoutItem, BlackoutList } from "./blackouts";
import { VenueForm } from "./venue-form";

/** The status cell of the venue and host lists. */
export function ActiveBadge(props: { ctx: PageContext; active: boolean }) {
  return (
    <span class={props.active ? "badge ok" : "badge"}>
      {props.active ? props.ctx.t("venue.active") : "—"}
    </span>
  );
}

export function VenuesPage(props: {
  ctx: PageContext;
  venues: VenueRow[];
  allVenueBlackouts: BlackoutItem[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  blackoutValues?: Record<string, string>;
  blackoutErrors?: FieldErrors;
  notice?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      {props.venues.length === 0 ? (
        <p class="muted">{t("venues.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="venues">
            <thead>
              <tr>
                <th>{t("venue.name")}</th>
                <th>{t("venue.capacity")}</th>
                <th>{t("venue.concurrentGroups")}</th>
                <th>{t("venue.bufferMinutes")}</th>
                <th>{t("venue.timeZone")}</th>
                <th>{t("field.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.venues.map((v) => (
                <tr>
                  <td>
                    <a href={`/venues/${v.id}`}>{v.name}</a>
                    <div class="muted small">{v.address}</div>
                  </td>
                  <td>{v.capacity}</td>
                  <td>{v.concurrentGroups}</td>
                  <td>{v.bufferMinutes}</td>
                  <td>{v.timeZone}</td>
                  <td>
                    <ActiveBadge ctx={ctx} active={v.active} />
                  </td>
                  <td>
                    <a href={`/calendar/venues/${v.id}`}>{t("venue.calendar")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("venues.new")}</h2>
      <VenueForm
        ctx={ctx}
        action="/venues"
        values={props.values ?? {}}
        errors={props.errors}
        submitLabel={t("action.create")}
      />
      <h2>
        {t("blackouts.title")}: {t("blackout.allVenues")}
      </h2>
      <BlackoutList ctx={ctx} items={props.allVenueBlackouts} timeZone={ctx.hostTimeZone} back="/venues" />
      <BlackoutForm
        ctx={ctx}
        action="/blackouts"
        values={props.blackoutValues ?? {}}
        errors={props.blackoutErrors}
      />
    </>
  );
}

export function VenueEditPage(props: {
  ctx: PageContext;
  venue: VenueRow;
  values: Record<string, string>;
  errors?: FieldErrors;
  blackouts: BlackoutItem[];
  blackoutValues?: Record<string, string>;
  blackoutErrors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, venue } = props;
  const { t } = ctx;
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      <p>
        <a href={`/calendar/venues/${venue.id}`}>{t("venue.calendar")}</a>
      </p>
      <VenueForm
        ctx={ctx}
        action={`/venues/${venue.id}`}
        values={props.values}
        errors={props.errors}
        submitLabel={t("action.save")}
      />
      <h2>{t("blackouts.title")}</h2>
      <BlackoutList
        ctx={ctx}
        items={props.blackouts}
        timeZone={venue.timeZone}
        back={`/venues/${venue.id}`}
      />
      <BlackoutForm
        ctx={ctx}
        action={`/venues/${venue.id}/blackouts`}
        values={props.blackoutValues ?? {}}
        errors={props.blackoutErrors}
      />
    </>
  );
}
