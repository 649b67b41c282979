/**
 * @module Check-in at the reception desk, made for a phone or tablet and for no JavaScript: a search box
 * (a GET form), then one row per person in precedence order, each with a big button that flips present /
 * absent (a POST that comes back to the same row), and a form to add a walk-in.
 */
import type { AttendanceRow } from "../../../src/attendance/service";
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface CheckInProps {
  ctx: PageContext;
  delegation: { id: string; code: string; institution: string };
  rows: readonly AttendanceRow[];
  q: string;
  attended: number;
  listed: number;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

export function CheckInPage(p: CheckInProps) {
  const { ctx, delegation: d } = p;
  const { t } = ctx;
  const base = `/delegations/${d.id}/attendance`;
  const back = p.q ? `?q=${encodeURIComponent(p.q)}` : "";
  return (
    <>
      <p>
        <a href={`/delegations/${d.id}`}>{d.code}</a> · {d.institution}
      </p>
      {p.notice && (
        <div class="alert ok" role="status" data-testid="notice">
          {p.notice}
        </div>
      )}
      <p class="checkin-count" data-testid="attendance-count">
        {t("attendance.count", { attended: p.attended, listed: p.listed })}
      </p>
      <p class="muted">{t("attendance.intro")}</p>
      <search>
        <form method="get" action={base} class="checkin-search">
          <label for="q">{t("attendance.search")}</label>
          <div class="row">
            <input id="q" name="q" type="search" value={p.q} inputmode="search" autocomplete="off" />
            <button type="submit">{t("attendance.searchButton")}</button>
          </div>
        </form>
      </search>
      {p.rows.length === 0 ? (
        <p class="muted">{t(p.q ? "attendance.noMatch" : "attendance.empty")}</p>
      ) : (
        <ol class="checkin">
          {p.rows.map((r) => {
            const present = r.attended === true;
            const state = r.attended === true ? "present" : r.attended === false ? "absent" : "unknown";
            return (
              <li id={`p-${r.id}`} class={`checkin-row ${state}`} data-testid="checkin-row">
                <div class="who">
                  <strong>{r.name}</strong>
                  {r.walkIn && <span class="badge">{t("attendance.walkIn")}</span>}
                  <span class="muted">
                    {r.title}
                    {r.institution ? ` · ${r.institution}` : ""}
                  </span>
                  <span class={`state ${state}`}>
                    {t(
                      state === "present"
                        ? "attendance.present"
                        : state === "absent"
                          ? "attendance.absent"
                          : "attendance.unknown",
                    )}
                  </span>
                </div>
                <form method="post" action={`${base}/mark${back}`}>
                  <input type="hidden" name="participantId" value={r.id} />
                  <input type="hidden" name="attended" value={present ? "false" : "true"} />
                  <button
                    type="submit"
                    class={present ? "secondary" : undefined}
                    aria-label={`${t(present ? "attendance.markAbsent" : "attendance.markPresent")}: ${r.name}`}
                  >
                    {t(present ? "attendance.markAbsent" : "attendance.markPresent")}
                  </button>
                </form>
              </li>
            );
          })}
        </ol>
      )}
      <details class="card" open={p.errors ? true : undefined}>
        <summary>{t("attendance.addWalkIn")}</summary>
        <form method="post" action={`${base}/walk-in`} class="stack" data-testid="walk-in-form">
          <FormErrors errors={p.errors} />
          <Field name="name" label={t("papers.name")} value={p.values?.name} errors={p.errors} required />
          <Field
            name="title"
            label={t("papers.position")}
            value={p.values?.title}
            errors={p.errors}
            required
          />
          <Field
            name="institution"
            label={t("papers.institution")}
            value={p.values?.institution}
            errors={p.errors}
          />
          <div>
            <button type="submit">{t("attendance.addWalkIn")}</button>
          </div>
        </form>
      </details>
    </>
  );
}
