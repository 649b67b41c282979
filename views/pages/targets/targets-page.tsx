/** @module Admin page: a year's targets (visits, visitors, commitments on time, average rating). */

import type { FieldErrors } from "../../../src/http/validate";
import type { TargetOut } from "../../../src/targets/schemas";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface TargetsPageProps {
  ctx: PageContext;
  year: number;
  target: TargetOut;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}

const text = (v: number | null) => (v === null ? "" : String(v));

export function TargetsPage(props: TargetsPageProps) {
  const { ctx, year, target } = props;
  const { t } = ctx;
  const value = (name: keyof TargetOut) => props.values?.[name] ?? text(target[name] as number | null);
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      <nav aria-label={t("targets.years")}>
        <ul class="inline">
          <li>
            <a href={`/admin/targets?year=${year - 1}`}>{year - 1}</a>
          </li>
          <li>
            <a href={`/admin/targets?year=${year + 1}`}>{year + 1}</a>
          </li>
          <li>
            <a href={`/reports?from=${year}-01-01&to=${year}-12-31`}>{t("reports.title")}</a>
          </li>
        </ul>
      </nav>
      <form method="post" action={`/admin/targets/${year}`} class="card">
        <FormErrors errors={props.errors} />
        <p class="hint">{t("targets.hint")}</p>
        <Field
          name="visits"
          label={t("targets.visits")}
          type="number"
          inputmode="numeric"
          min="0"
          value={value("visits")}
          errors={props.errors}
        />
        <Field
          name="visitors"
          label={t("targets.visitors")}
          type="number"
          inputmode="numeric"
          min="0"
          value={value("visitors")}
          errors={props.errors}
        />
        <Field
          name="commitmentsOnTimePct"
          label={t("targets.onTimePct")}
          type="number"
          inputmode="numeric"
          min="0"
          max="100"
          value={value("commitmentsOnTimePct")}
          errors={props.errors}
        />
        <Field
          name="averageRating"
          label={t("targets.averageRating")}
          inputmode="decimal"
          value={value("averageRating")}
          errors={props.errors}
        />
        <button type="submit">{t("targets.save")}</button>
      </form>
    </>
  );
}
