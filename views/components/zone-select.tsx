/**
 * @module The zone of a venue, host or template as a WIB / WITA / WIT choice; the IANA name is the value
 * underneath. A stored zone outside the three (set through the API, e.g. Asia/Pontianak) stays offered.
 */
import type { FieldErrors } from "../../src/http/validate";
import type { MessageKey } from "../../src/i18n/dictionary";
import { INDONESIAN_ZONES, isValidTimeZone, zoneLabel } from "../../src/scheduling/index";
import type { PageContext } from "../page-context";
import { Field, fieldError } from "./field";

const CHOICE: Record<(typeof INDONESIAN_ZONES)[number], MessageKey> = {
  "Asia/Jakarta": "zone.choice.wib",
  "Asia/Makassar": "zone.choice.wita",
  "Asia/Jayapura": "zone.choice.wit",
};

export function ZoneSelect(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors?: FieldErrors;
}) {
  const { t } = props.ctx;
  const id = `f-${props.name}`;
  const error = fieldError(props.errors, props.name);
  const known = (INDONESIAN_ZONES as readonly string[]).includes(props.value);
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {INDONESIAN_ZONES.map((z) => (
          <option value={z} selected={props.value === z}>
            {t(CHOICE[z])}
          </option>
        ))}
        {!known && props.value !== "" && (
          <option value={props.value} selected>
            {t("zone.choice.other", {
              label: isValidTimeZone(props.value) ? zoneLabel(props.value, Date.now()) : "?",
              zone: props.value,
            })}
          </option>
        )}
      </select>
    </Field>
  );
}
