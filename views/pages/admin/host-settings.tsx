/**
 * @module The host-settings page (admins): the letterhead of every paper — names, address, contacts, the
 * signing official, the letter number format, the logo and the default zone. Multipart, for the logo.
 */
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import { ZoneSelect } from "../../components/zone-select";
import type { PageContext } from "../../page-context";

export interface HostSettingsPageProps {
  ctx: PageContext;
  values: Record<string, string>;
  hasLogo: boolean;
  saved: boolean;
  errors?: FieldErrors;
  notice?: string;
  zones: readonly string[];
}

export function HostSettingsPage(p: HostSettingsPageProps) {
  const { ctx, values: v, errors } = p;
  const { t } = ctx;
  const text = (name: string, label: Parameters<typeof t>[0], required = false, type = "text") => (
    <Field name={name} label={t(label)} value={v[name]} errors={errors} required={required} type={type} />
  );
  return (
    <>
      <p class="muted">{t("hostSettings.intro")}</p>
      {!p.saved && <div class="alert warn">{t("hostSettings.notSaved")}</div>}
      {p.notice && (
        <div class="alert ok" role="status">
          {p.notice}
        </div>
      )}
      <form
        method="post"
        action="/admin/host-settings"
        enctype="multipart/form-data"
        class="stack"
        data-testid="host-settings-form"
      >
        <FormErrors errors={errors} />
        <input type="hidden" name="version" value={v.version ?? "0"} />
        {text("governmentName", "hostSettings.governmentName", true)}
        {text("officeName", "hostSettings.officeName", true)}
        {text("address", "hostSettings.address", true)}
        {text("city", "hostSettings.city", true)}
        <div class="row">
          {text("phone", "hostSettings.phone", false, "tel")}
          {text("whatsapp", "hostSettings.whatsapp", false, "tel")}
        </div>
        <div class="row">
          {text("email", "hostSettings.email", false, "email")}
          {text("website", "hostSettings.website", false, "url")}
        </div>
        {text("signatoryName", "hostSettings.signatoryName", true)}
        {text("signatoryTitle", "hostSettings.signatoryTitle", true)}
        {text("signatoryNip", "hostSettings.signatoryNip")}
        <Field
          name="letterNumberFormat"
          label={t("hostSettings.letterNumberFormat")}
          value={v.letterNumberFormat}
          errors={errors}
          hint={t("hostSettings.letterNumberHint")}
          required
        />
        <ZoneSelect
          ctx={p.ctx}
          name="defaultTimeZone"
          label={t("hostSettings.defaultTimeZone")}
          value={v.defaultTimeZone ?? ""}
          errors={errors}
        />
        <Field name="logo" label={t("hostSettings.logo")} errors={errors}>
          <input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg" />
        </Field>
        {p.hasLogo && (
          <>
            <img src="/admin/host-settings/logo" alt={t("hostSettings.logo")} width="80" />
            <label class="check">
              <input type="checkbox" name="removeLogo" value="on" /> {t("hostSettings.removeLogo")}
            </label>
          </>
        )}
        <div>
          <button type="submit">{t("action.save")}</button>
        </div>
      </form>
    </>
  );
}
