/**
 * @module The agenda builder for protocol staff: the visit's items grouped by local day, each with an edit
 * form (move, resize, change venue, hosts, person in charge, dress code, notes) and a cancel button; a form
 * to add an item (a venue is optional: travel, free time), one to apply a tour template, and the visitors'
 * itinerary link. Conflicts from the booking service appear beside the form that caused them.
 */

import { AGENDA_KINDS } from "../../../db/schema/agenda";
import type { AgendaEntry, DelegationAgenda } from "../../../src/agenda/load-agenda";
import type { ShareLinkInfo } from "../../../src/agenda/share-links";
import type { ConflictDetail } from "../../../src/bookings/check";
import type { FieldErrors } from "../../../src/http/validate";
import type { MessageKey } from "../../../src/i18n/dictionary";
import { localized } from "../../../src/i18n/dictionary";
import { formatDate, formatTime } from "../../../src/i18n/format";
import { agendaKindKey, statusKey } from "../../../src/i18n/keys";
import { homeZoneOf } from "../../../src/mail/compose";
import { localDateOf, localTimeOf, zoneLabel } from "../../../src/scheduling/zoned-time";
import { hostLabel } from "../../../src/venues/host-label";
import { Field, fieldError } from "../../components/field";
import { HomeTime } from "../../components/home-time";
import { HostPicker } from "../../components/host-picker";
import { OutsideDatesBadge } from "../../components/outside-dates-badge";
import type { PageContext } from "../../page-context";
import { StatusBadge } from "../public/status";
import { ShareLinksPanel } from "./share-links-panel";

export type AgendaPageNotice = "saved" | "removed" | "template" | "shareRevoked" | "left";

const NOTICES: Record<AgendaPageNotice, MessageKey> = {
  left: "agenda.left",
  saved: "agenda.saved",
  removed: "agenda.removed",
  template: "agenda.templateApplied",
  shareRevoked: "agenda.shareRevoked",
};

/** Conflicts shown beside the form that caused them, with the times that were asked for. */
export interface ConflictsShown {
  formId: string;
  details: ConflictDetail[];
  requested?: { startsAt: Date; endsAt: Date; timeZone: string };
}

interface Props {
  ctx: PageContext;
  agenda: DelegationAgenda;
  venues: { id: string; name: string; timeZone: string }[];
  hosts: { id: string; name: string; title: string }[];
  templates: { id: string; name: string; nameEn: string | null }[];
  /** The delegation's live itinerary links. */
  shareLinks: readonly ShareLinkInfo[];
  canEdit: boolean;
  /** The visit is declined or cancelled: its agenda is shown, never changed. */
  readOnly?: boolean;
  /** Items outside the confirmed dates (flagged). */
  outsideDates?: readonly string[];
  notice?: AgendaPageNotice;
  errors?: FieldErrors;
  conflicts?: ConflictsShown;
  values?: Record<string, string>;
}

function Conflicts({
  ctx,
  details,
  requested,
  errors,
}: {
  ctx: PageContext;
  details: ConflictDetail[];
  requested?: ConflictsShown["requested"];
  errors?: FieldErrors;
}) {
  const { t, locale } = ctx;
  const buffer = details.find((d) => d.bufferMinutes)?.bufferMinutes;
  return (
    <div class="alert error" role="alert" data-testid="conflicts">
      {errors?._?.map((m) => (
        <p>{m}</p>
      ))}
      {requested && details.length > 0 && (
        <p data-testid="conflict-requested">
          {t("conflict.requested", {
            from: formatTime(requested.startsAt, locale, requested.timeZone, false),
            to: formatTime(requested.endsAt, locale, requested.timeZone, false),
            zone: zoneLabel(requested.timeZone, requested.startsAt.getTime()),
          })}
          {buffer ? ` ${t("conflict.buffer", { minutes: buffer })}` : ""}
        </p>
      )}
      {details.length > 0 && (
        <>
          <strong>{t("agenda.conflicts")}</strong>
          <ul>
            {details.map((d) => (
              <li>
                {t(`conflictKind.${d.kind}`)}
                {d.title ? `: ${d.title}` : ""}
                {/* Only a closure's reason is for people (its name); the others are English diagnostics. */}
                {d.closureId && d.reason ? ` (${d.reason})` : ""} —{" "}
                {formatTime(new Date(d.startsAt), locale, d.timeZone, false)}–
                {formatTime(new Date(d.endsAt), locale, d.timeZone)}
                {d.bufferMinutes ? ` (${t("conflict.bufferOnly")})` : ""}
                {d.delegations && d.delegations.length > 0 && (
                  <>
                    {" · "}
                    {t("conflict.delegations")}{" "}
                    {d.delegations.map((o, i) => (
                      <>
                        {i > 0 ? ", " : ""}
                        <a href={`/delegations/${o.id}`} data-testid="conflict-delegation">
                          {o.code}
                        </a>
                      </>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The availability search for this visit: its dates (confirmed, else the first choice asked for), its
 * group size, and the visit as the one to book for.
 */
function findSlotHref(d: DelegationAgenda["delegation"]): string {
  const range = d.confirmedDates ?? d.preferredDates;
  const query = new URLSearchParams({
    from: range.start,
    to: range.end || range.start,
    groupSize: String(d.expectedSize),
    delegationId: d.id,
  });
  return `/availability?${query}`;
}

/** The fields ItemFields shows; errors of any other field are listed under the form. */
const ITEM_FIELDS = new Set([
  "title",
  "titleEn",
  "kind",
  "date",
  "start",
  "end",
  "venueId",
  "hostIds",
  "groupSize",
  "personInCharge",
  "dressCode",
  "notes",
  "notesEn",
  "reason",
  "_",
]);

function ItemFields(props: {
  ctx: PageContext;
  id: string;
  item?: AgendaEntry;
  values?: Record<string, string>;
  errors?: FieldErrors;
  venues: Props["venues"];
  hosts: Props["hosts"];
}) {
  const { ctx, item, values, errors, id } = props;
  const { t } = ctx;
  const zone = item?.timeZone ?? ctx.hostTimeZone;
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  const date = item ? localDateOf(item.startsAt.getTime(), zone) : "";
  const start = item ? localTimeOf(item.startsAt.getTime(), zone) : "";
  const end = item ? localTimeOf(item.endsAt.getTime(), zone) : "";
  const hostIds =
    values?.hostIds !== undefined
      ? new Set(values.hostIds.split(",").filter(Boolean))
      : new Set(item?.hosts.map((h) => h.id) ?? []);
  const fid = (name: string) => `${id}-${name}`;
  const error = (name: string) => fieldError(errors, name);
  /** aria attributes tying an input to its error. */
  const invalid = (name: string) =>
    error(name) ? { "aria-invalid": "true", "aria-describedby": `${fid(name)}-error` } : {};
  const Err = ({ name }: { name: string }) => {
    const text = error(name);
    return text ? (
      <span class="error" id={`${fid(name)}-error`} data-testid={`error-${name}`}>
        {text}
      </span>
    ) : null;
  };
  const others = Object.entries(errors ?? {}).filter(([name]) => !ITEM_FIELDS.has(name));
  return (
    <div class="agenda-fields">
      {item && <input type="hidden" name="version" value={String(item.version)} />}
      <div class="row">
        <div class="field">
          <label for={fid("title")}>{t("agenda.itemTitle")}</label>
          <input
            id={fid("title")}
            name="title"
            value={v("title", item?.title ?? "")}
            required
            {...invalid("title")}
          />
          <Err name="title" />
        </div>
        <div class="field">
          <label for={fid("titleEn")}>{t("agenda.itemTitleEn")}</label>
          <input
            id={fid("titleEn")}
            name="titleEn"
            value={v("titleEn", item?.titleEn ?? "")}
            {...invalid("titleEn")}
          />
          <Err name="titleEn" />
        </div>
        <div class="field">
          <label for={fid("kind")}>{t("agenda.kind")}</label>
          <select id={fid("kind")} name="kind" {...invalid("kind")}>
            {AGENDA_KINDS.map((k) => (
              <option value={k} selected={v("kind", item?.kind ?? "tour") === k}>
                {t(`agenda.kind.${k}`)}
              </option>
            ))}
          </select>
          <Err name="kind" />
        </div>
      </div>
      <div class="row">
        <div class="field">
          <label for={fid("date")}>{t("agenda.date")}</label>
          <input
            id={fid("date")}
            name="date"
            type="date"
            value={v("date", date)}
            required
            {...invalid("date")}
          />
          <Err name="date" />
        </div>
        <div class="field">
          <label for={fid("start")}>
            {item
              ? t("agenda.startIn", { zone: zoneLabel(zone, item.startsAt.getTime()) })
              : t("agenda.start")}
          </label>
          <input
            id={fid("start")}
            name="start"
            type="time"
            value={v("start", start)}
            required
            data-testid="item-start"
            {...invalid("start")}
          />
          <Err name="start" />
        </div>
        <div class="field">
          <label for={fid("end")}>
            {item ? t("agenda.endIn", { zone: zoneLabel(zone, item.endsAt.getTime()) }) : t("agenda.end")}
          </label>
          <input
            id={fid("end")}
            name="end"
            type="time"
            value={v("end", end)}
            required
            data-testid="item-end"
            {...invalid("end")}
          />
          <Err name="end" />
        </div>
        <div class="field">
          <label for={fid("venueId")}>{t("agenda.venue")}</label>
          <select id={fid("venueId")} name="venueId" {...invalid("venueId")}>
            <option value="">{t("agenda.noVenue")}</option>
            {props.venues.map((venue) => (
              <option value={venue.id} selected={v("venueId", item?.venue?.id ?? "") === venue.id}>
                {venue.name} ({zoneLabel(venue.timeZone, 0)})
              </option>
            ))}
          </select>
          <Err name="venueId" />
        </div>
      </div>
      {!item && (
        <p class="hint" data-testid="zone-hint">
          {t("agenda.zoneHint", { zone: zoneLabel(ctx.hostTimeZone, 0) })}
        </p>
      )}
      <div class="row">
        <HostPicker
          ctx={ctx}
          name="hostIds"
          id={fid("hostIds")}
          legend={t("agenda.hosts")}
          hosts={props.hosts.map((h) => ({ id: h.id, label: hostLabel(h) }))}
          selected={hostIds}
          error={error("hostIds")}
        />
        <div class="field">
          <label for={fid("personInCharge")}>{t("agenda.personInCharge")}</label>
          <input
            id={fid("personInCharge")}
            name="personInCharge"
            value={v("personInCharge", item?.personInCharge ?? "")}
            {...invalid("personInCharge")}
          />
          <Err name="personInCharge" />
        </div>
        <div class="field">
          <label for={fid("dressCode")}>{t("agenda.dressCode")}</label>
          <input
            id={fid("dressCode")}
            name="dressCode"
            list="dress-codes"
            placeholder={t("agenda.dressCodeHint")}
            value={v("dressCode", item?.dressCode ?? "")}
            {...invalid("dressCode")}
          />
          <Err name="dressCode" />
        </div>
        {!item && (
          <div class="field">
            <label for={fid("groupSize")}>{t("agenda.groupSize")}</label>
            <input
              id={fid("groupSize")}
              name="groupSize"
              type="number"
              min="1"
              value={v("groupSize", "")}
              {...invalid("groupSize")}
            />
            <Err name="groupSize" />
          </div>
        )}
      </div>
      <div class="row">
        <div class="field">
          <label for={fid("notes")}>{t("agenda.notes")}</label>
          <textarea id={fid("notes")} name="notes" rows={2} {...invalid("notes")}>
            {v("notes", item?.notes ?? "")}
          </textarea>
          <Err name="notes" />
        </div>
        <div class="field">
          <label for={fid("notesEn")}>{t("agenda.notesEn")}</label>
          <textarea id={fid("notesEn")} name="notesEn" rows={2} lang="en" {...invalid("notesEn")}>
            {v("notesEn", item?.notesEn ?? "")}
          </textarea>
          <Err name="notesEn" />
        </div>
        <div class="field">
          <label for={fid("reason")}>{t("agenda.overrideReason")}</label>
          <input id={fid("reason")} name="reason" value={v("reason", "")} {...invalid("reason")} />
          <Err name="reason" />
        </div>
      </div>
      {others.length > 0 && (
        <div class="alert error" role="alert">
          {others.map(([, messages]) => messages.join(" ")).join(" ")}
        </div>
      )}
    </div>
  );
}

export function AgendaPage(props: Props) {
  const { ctx, agenda } = props;
  const canEdit = props.canEdit && !props.readOnly;
  const outside = new Set(props.outsideDates ?? []);
  const { t, locale } = ctx;
  const { delegation, items } = agenda;
  const homeZone = homeZoneOf(delegation.provinceCode);
  const days = new Map<string, AgendaEntry[]>();
  for (const item of items) {
    const date = localDateOf(item.startsAt.getTime(), item.timeZone);
    days.set(date, [...(days.get(date) ?? []), item]);
  }
  const conflictFor = (formId: string) =>
    props.conflicts?.formId === formId &&
    (props.conflicts.details.length > 0 || (props.errors?._?.length ?? 0) > 0) ? (
      <Conflicts
        ctx={ctx}
        details={props.conflicts.details}
        requested={props.conflicts.requested}
        errors={props.errors}
      />
    ) : null;
  const base = `/delegations/${delegation.id}`;
  const onTemplate = props.conflicts?.formId === "template";
  const templateErrors = onTemplate ? props.errors : undefined;
  const templateValues = onTemplate ? props.values : undefined;
  return (
    <>
      <p class="muted">
        {delegation.institution} · {delegation.leaderName}, {delegation.leaderTitle} ·{" "}
        <StatusBadge ctx={ctx} status={delegation.status} />
      </p>
      <p class="agenda-links">
        <a href={base}>{t("agenda.back")}</a> · <a href={`${base}/rundown`}>{t("agenda.rundown")}</a> ·{" "}
        <a href={`/api/v1/delegations/${delegation.id}/calendar.ics`}>{t("agenda.calendar")}</a>
        {canEdit && (
          <>
            {" · "}
            <a href={findSlotHref(delegation)} data-testid="find-slot">
              {t("agenda.findSlot")}
            </a>
          </>
        )}
      </p>
      {props.readOnly && (
        <div class="alert warn" role="status" data-testid="agenda-read-only">
          {t("agenda.readOnly", { status: t(statusKey(delegation.status)) })}
        </div>
      )}
      {props.notice && (
        <div class="alert ok" role="status" data-testid="agenda-notice">
          {t(NOTICES[props.notice])}
        </div>
      )}
      <datalist id="dress-codes">
        <option value="PDH" />
        <option value="PDL" />
        <option value="Batik" />
        <option value="Bebas rapi" />
      </datalist>

      <h2>{t("agenda.days")}</h2>
      {items.length === 0 && <p>{t("agenda.empty")}</p>}
      {[...days.entries()].map(([date, list]) => (
        <section class="agenda-day" data-date={date}>
          <h3>
            {formatDate(list[0]?.startsAt ?? new Date(), locale, list[0]?.timeZone ?? ctx.hostTimeZone)}
          </h3>
          <ol class="agenda-list">
            {list.map((item) => (
              <li class={item.status === "cancelled" ? "card cancelled" : "card"} data-testid="agenda-item">
                <div class="agenda-summary">
                  <strong class="agenda-time">
                    {formatTime(item.startsAt, locale, item.timeZone, false)}–
                    {formatTime(item.endsAt, locale, item.timeZone)}
                  </strong>
                  {homeZone && <HomeTime item={item} locale={locale} homeZone={homeZone} />}{" "}
                  <span>{localized(locale, item.title, item.titleEn)}</span>{" "}
                  <span class="badge">{t(agendaKindKey(item.kind))}</span>
                  {item.status === "cancelled" && (
                    <span class="badge danger">{t("itinerary.itemCancelled")}</span>
                  )}
                  {outside.has(item.id) && <OutsideDatesBadge ctx={ctx} />}
                  <br />
                  <span class="muted">
                    {item.venue ? item.venue.name : t("itinerary.noVenue")}
                    {item.personInCharge ? ` · ${t("agenda.personInCharge")}: ${item.personInCharge}` : ""}
                    {item.dressCode ? ` · ${t("agenda.dressCode")}: ${item.dressCode}` : ""}
                    {/* The calendar's SEQUENCE, for staff: how many times the session changed after booking. */}
                    {item.sequence > 0 ? ` · ${t("agenda.sequence", { n: item.sequence })}` : ""}
                  </span>
                  {item.sharedWith.length > 0 && (
                    <p class="muted">{t("agenda.shared", { codes: item.sharedWith.join(", ") })}</p>
                  )}
                </div>
                {conflictFor(item.id)}
                {canEdit && item.status === "scheduled" && (
                  <details class="no-print" open={props.conflicts?.formId === item.id}>
                    <summary>{t("agenda.edit")}</summary>
                    <form method="post" action={`${base}/agenda/items/${item.id}`} data-testid="edit-item">
                      <ItemFields
                        ctx={ctx}
                        id={`i-${item.id}`}
                        item={item}
                        values={props.conflicts?.formId === item.id ? props.values : undefined}
                        errors={props.conflicts?.formId === item.id ? props.errors : undefined}
                        venues={props.venues}
                        hosts={props.hosts}
                      />
                      <button type="submit">{t("agenda.save")}</button>
                    </form>
                    <form method="post" action={`${base}/agenda/items/${item.id}/cancel`} class="inline-form">
                      <input type="hidden" name="version" value={String(item.version)} />
                      <button type="submit" class="danger">
                        {t("agenda.remove")}
                      </button>
                    </form>
                    {item.sharedWith.length > 0 && (
                      <form
                        method="post"
                        action={`${base}/agenda/items/${item.id}/leave`}
                        class="inline-form"
                      >
                        <input type="hidden" name="version" value={String(item.version)} />
                        <button type="submit" class="secondary" data-testid="leave-item">
                          {t("agenda.leave")}
                        </button>
                      </form>
                    )}
                  </details>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}

      {canEdit && (
        <>
          <h2>{t("agenda.add")}</h2>
          {conflictFor("new")}
          <form method="post" action={`${base}/agenda/items`} class="card" data-testid="add-item">
            <ItemFields
              ctx={ctx}
              id="new"
              values={props.conflicts?.formId === "new" ? props.values : undefined}
              errors={props.conflicts?.formId === "new" ? props.errors : undefined}
              venues={props.venues}
              hosts={props.hosts}
            />
            <button type="submit">{t("agenda.add")}</button>
          </form>

          {props.templates.length > 0 && (
            <>
              <h2>{t("agenda.applyTemplate")}</h2>
              {conflictFor("template")}
              <form
                method="post"
                action={`${base}/agenda/template`}
                class="card row"
                data-testid="template-form"
              >
                <Field name="templateId" label={t("agenda.template")} errors={templateErrors}>
                  <select id="f-templateId" name="templateId">
                    {props.templates.map((tpl) => (
                      <option value={tpl.id} selected={templateValues?.templateId === tpl.id}>
                        {localized(locale, tpl.name, tpl.nameEn)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  name="date"
                  type="date"
                  label={t("agenda.templateDate")}
                  value={templateValues?.date}
                  errors={templateErrors}
                  required
                />
                <Field
                  name="startTime"
                  type="time"
                  label={t("agenda.templateStart")}
                  value={templateValues?.startTime}
                  errors={templateErrors}
                />
                <Field
                  name="reason"
                  label={t("agenda.overrideReason")}
                  value={templateValues?.reason}
                  errors={templateErrors}
                />
                <div>
                  <button type="submit">{t("agenda.applyTemplate")}</button>
                </div>
              </form>
            </>
          )}

          <ShareLinksPanel
            ctx={ctx}
            base={base}
            links={props.shareLinks}
            delegation={{
              code: delegation.code,
              institution: delegation.institution,
              language: delegation.language,
            }}
          />
        </>
      )}
    </>
  );
}
