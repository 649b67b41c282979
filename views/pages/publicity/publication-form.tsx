/**
 * @module The humas form that publishes a completed visit on the public log (what will be public, and
 * nothing else), and the confirmation step before taking it off.
 */
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors, TextAreaField } from "../../components/field";
import type { PageContext } from "../../page-context";

export const LINK_ROWS = 3;

export function PublicationFormPage(p: {
  ctx: PageContext;
  d: { id: string; code: string };
  values: Record<string, string>;
  errors: FieldErrors;
  published: boolean;
}) {
  const { t } = p.ctx;
  const v = (k: string) => p.values[k] ?? "";
  return (
    <form
      method="post"
      action={`/delegations/${p.d.id}/publication`}
      class="card stack wide"
      data-testid="publication-form"
    >
      <FormErrors errors={p.errors} />
      <p>{t("publication.intro")}</p>
      <Field name="title" label={t("publication.fieldTitle")} value={v("title")} errors={p.errors} required />
      <TextAreaField
        name="summary"
        label={t("publication.fieldSummary")}
        value={v("summary")}
        errors={p.errors}
        rows={6}
        required
      />
      <Field
        name="photoUrl"
        label={t("publication.fieldPhotoUrl")}
        value={v("photoUrl")}
        errors={p.errors}
        type="url"
      />
      <Field name="photoAlt" label={t("publication.fieldPhotoAlt")} value={v("photoAlt")} errors={p.errors} />
      {Array.from({ length: LINK_ROWS }, (_, i) => (
        <div class="row">
          <Field
            name={`links.${i}.label`}
            label={t("publication.fieldLinkLabel", { n: i + 1 })}
            value={v(`links.${i}.label`)}
            errors={p.errors}
          />
          <Field
            name={`links.${i}.url`}
            label={t("publication.fieldLinkUrl", { n: i + 1 })}
            value={v(`links.${i}.url`)}
            errors={p.errors}
            type="url"
          />
        </div>
      ))}
      <div class="row">
        <button type="submit">{t(p.published ? "publication.update" : "publication.publish")}</button>
        <a href={`/delegations/${p.d.id}`}>{t("action.cancel")}</a>
      </div>
    </form>
  );
}

export function UnpublishConfirmPage({ ctx, d }: { ctx: PageContext; d: { id: string; code: string } }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/delegations/${d.id}/publication/unpublish`} class="card stack">
      <p>{t("publication.unpublishConfirm", { code: d.code })}</p>
      <div class="row">
        <button type="submit">{t("publication.unpublish")}</button>
        <a href={`/delegations/${d.id}`}>{t("action.cancel")}</a>
      </div>
    </form>
  );
}

export function PublicationSection(p: {
  ctx: PageContext;
  d: { id: string; status: string };
  url: string | null;
  canWrite: boolean;
}) {
  const { t } = p.ctx;
  if (p.d.status !== "completed" && !p.url) return null;
  return (
    <section id="publication" class="card" aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t("publication.section")}</h2>
      {p.url ? (
        <p>
          {t("publication.published")}{" "}
          <a href={p.url} data-testid="public-link">
            {p.url}
          </a>
        </p>
      ) : (
        <p>{t("publication.notPublished")}</p>
      )}
      {p.canWrite && (
        <p class="row">
          {p.d.status === "completed" && (
            <a href={`/delegations/${p.d.id}/publication`}>{t("publication.edit")}</a>
          )}
          {p.url && <a href={`/delegations/${p.d.id}/publication/unpublish`}>{t("publication.unpublish")}</a>}
          <a href={`/delegations/${p.d.id}/press-release`}>{t("press.edit")}</a>
        </p>
      )}
    </section>
  );
}

/** The step before publishing: what the public page will say, and one button that publishes it. */
export function PublishConfirmPage(p: {
  ctx: PageContext;
  d: { id: string; code: string };
  values: Record<string, string>;
}) {
  const { t } = p.ctx;
  return (
    <form
      method="post"
      action={`/delegations/${p.d.id}/publication`}
      class="card stack"
      data-testid="publish-confirm"
    >
      <p>{t("publication.confirm", { code: p.d.code })}</p>
      <h2>{p.values.title}</h2>
      <p class="press-preview">{p.values.summary}</p>
      {Object.entries(p.values).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
      <div class="row">
        <button type="submit">{t("publication.publish")}</button>
        <a href={`/delegations/${p.d.id}/publication`}>{t("action.cancel")}</a>
      </div>
    </form>
  );
}
