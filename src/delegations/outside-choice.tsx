/**
 * @module The page that asks what to do with agenda items outside the dates being confirmed: it lists
 * them (in each item's own zone) and posts the same transition again with the choice (keep or cancel).
 */

import { confirmStep } from "../http/confirm-step";
import type { AppContext } from "../http/context";
import { formatDateTime } from "../i18n/format";
import type { TransitionInput } from "./lifecycle";
import { outsideAgenda } from "./outside-agenda";
import { getDelegation } from "./queries";

export function isOutsideDetails(details: unknown): boolean {
  return typeof details === "object" && details !== null && "outsideItems" in details;
}

const rangeText = (r: { start: string; end?: string }) =>
  r.end && r.end !== r.start ? `${r.start} – ${r.end}` : r.start;

export async function showOutsideChoice(
  c: AppContext,
  id: string,
  input: TransitionInput,
  errors?: string[],
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const d = await getDelegation(c.get("deps").db, id);
  const range = input.dates && !Array.isArray(input.dates) ? input.dates : d.confirmedDates;
  const items = range
    ? await outsideAgenda(c.get("deps").db.orm, id, range, { config: c.get("deps").config })
    : [];
  const error = errors?.join(" ");
  return confirmStep(c, {
    omit: ["outsideItems"],
    status: errors ? 400 : 409,
    message: t("dates.outsideTitle"),
    back: `/delegations/${id}`,
    danger: false,
    children: (
      <>
        <p>{t("dates.outsideIntro", { range: range ? rangeText(range) : "" })}</p>
        <ul data-testid="outside-items">
          {items.map((i) => (
            <li>
              {i.title} — {formatDateTime(new Date(i.startsAt), locale, i.timeZone)}
            </li>
          ))}
        </ul>
        <fieldset class="field" aria-describedby={error ? "f-outsideItems-error" : undefined}>
          <legend>{t("dates.choice")}</legend>
          {error && (
            <span class="error" id="f-outsideItems-error">
              {error}
            </span>
          )}
          {(["keep", "cancel"] as const).map((v) => (
            <label>
              <input
                type="radio"
                name="outsideItems"
                value={v}
                required
                aria-invalid={error ? "true" : undefined}
              />{" "}
              {t(v === "keep" ? "dates.choice.keep" : "dates.choice.cancel")}
            </label>
          ))}
        </fieldset>
      </>
    ),
  });
}
