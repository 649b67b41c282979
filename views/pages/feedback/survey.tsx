/**
 * @module The visitors' survey at /f/{token}: plain HTML radios and text areas (works on a phone without
 * JavaScript), each error beside its field, the answers read-only once the edit window is over.
 */
import type { SurveySession } from "../../../src/feedback/survey";
import type { FieldErrors } from "../../../src/http/validate";
import type { Translate } from "../../../src/i18n/dictionary";
import { localized } from "../../../src/i18n/dictionary";
import { formatDateTime } from "../../../src/i18n/format";
import { Field, fieldError, TextAreaField } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface SurveyPageProps {
  ctx: PageContext;
  action: string;
  institution: string;
  host: string;
  hostTimeZone: string;
  sessions: SurveySession[];
  values: Record<string, string>;
  errors: FieldErrors;
  answered: boolean;
  readOnly: boolean;
  saved: boolean;
  editUntil: Date | null;
}

const STARS = ["1", "2", "3", "4", "5"] as const;
const starKey = (n: (typeof STARS)[number]) => `feedback.star${n}` as const;

function RatingGroup(props: {
  name: string;
  legend: string;
  value: string;
  error?: string;
  optional: boolean;
  t: Translate;
}) {
  const id = `f-${props.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const choices: { value: string; label: string }[] = [
    ...(props.optional ? [{ value: "", label: props.t("feedback.noRating") }] : []),
    ...STARS.map((n) => ({ value: n, label: props.t(starKey(n)) })),
  ];
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <div class="rating">
        {choices.map((c) => (
          <label>
            <input
              type="radio"
              name={props.name}
              value={c.value}
              checked={props.value === c.value}
              required={!props.optional}
              aria-invalid={props.error ? "true" : undefined}
            />
            {c.label}
          </label>
        ))}
      </div>
      {props.error && (
        <span class="error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </fieldset>
  );
}

/** The survey's text answers: the first three are text areas, the respondent's name and title one line. */
const TEXTS = [
  { name: "mostUseful", label: "feedback.mostUseful", area: true },
  { name: "willReplicate", label: "feedback.willReplicate", area: true },
  { name: "comments", label: "feedback.comments", area: true },
  { name: "respondentName", label: "feedback.respondentName", area: false, auto: "name" },
  { name: "respondentTitle", label: "feedback.respondentTitle", area: false, auto: "organization-title" },
] as const;

function TextAnswer(props: { text: (typeof TEXTS)[number]; p: SurveyPageProps }) {
  const { text, p } = props;
  const value = p.values[text.name] ?? "";
  return text.area ? (
    <TextAreaField
      name={text.name}
      label={p.ctx.t(text.label)}
      value={value}
      errors={p.errors}
      maxlength={2000}
    />
  ) : (
    <Field
      name={text.name}
      label={p.ctx.t(text.label)}
      value={value}
      errors={p.errors}
      maxlength={200}
      autocomplete={text.auto}
    />
  );
}

function sessionLabel(s: SurveySession, p: SurveyPageProps) {
  const title = localized(p.ctx.locale, s.title, s.titleEn);
  return `${title} (${formatDateTime(s.startsAt, p.ctx.locale, p.hostTimeZone)})`;
}

function ReadOnlyAnswers(p: SurveyPageProps) {
  const { t } = p.ctx;
  const rows: [string, string][] = [[t("feedback.overall"), t(starKey(toStar(p.values.overall)))]];
  for (const s of p.sessions) {
    const v = p.values[`session.${s.id}`];
    if (v) rows.push([sessionLabel(s, p), t(starKey(toStar(v)))]);
  }
  for (const { name, label } of TEXTS) if (p.values[name]) rows.push([t(label), p.values[name] ?? ""]);
  return (
    <dl class="card" data-testid="survey-answers">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function toStar(v: string | undefined): (typeof STARS)[number] {
  return STARS.find((n) => n === v) ?? "1";
}

export function SurveyPage(p: SurveyPageProps) {
  const { t } = p.ctx;
  const e = (name: string) => fieldError(p.errors, name);
  const until = p.editUntil ? formatDateTime(p.editUntil, p.ctx.locale, p.hostTimeZone) : "";
  return (
    <div class="survey">
      <p>{t("feedback.intro", { host: p.host, institution: p.institution })}</p>
      {p.saved && (
        <div class="alert success" role="status" data-testid="survey-saved">
          {t("feedback.thanks")} {!p.readOnly && until ? t("feedback.editUntil", { date: until }) : ""}
        </div>
      )}
      {p.readOnly ? (
        <>
          <p class="alert" data-testid="survey-read-only">
            {t("feedback.readOnly")}
          </p>
          <ReadOnlyAnswers {...p} />
        </>
      ) : (
        <form method="post" action={p.action} class="stack" data-testid="survey-form">
          {e("_") && (
            <div class="alert error" role="alert">
              {e("_")}
            </div>
          )}
          {p.answered && !p.saved && until && <p>{t("feedback.editUntil", { date: until })}</p>}
          <RatingGroup
            name="overall"
            legend={t("feedback.overall")}
            value={p.values.overall ?? ""}
            error={e("overall")}
            optional={false}
            t={t}
          />
          {p.sessions.length > 0 && (
            <fieldset>
              <legend>{t("feedback.sessions")}</legend>
              {p.sessions.map((s) => (
                <RatingGroup
                  name={`session.${s.id}`}
                  legend={sessionLabel(s, p)}
                  value={p.values[`session.${s.id}`] ?? ""}
                  error={e(`session.${s.id}`)}
                  optional={true}
                  t={t}
                />
              ))}
            </fieldset>
          )}
          {TEXTS.map((text) => (
            <TextAnswer text={text} p={p} />
          ))}
          <button type="submit">{t(p.answered ? "feedback.update" : "feedback.submit")}</button>
        </form>
      )}
    </div>
  );
}
