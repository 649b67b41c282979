/**
 * @module The host picker: a labelled group of checkboxes in a scrollable box (no Ctrl-click on a phone),
 * with a name filter that /assets/app.js reveals and drives; without scripts the list simply scrolls.
 */
import type { PageContext } from "../page-context";

export interface PickerHost {
  id: string;
  label: string;
}

export function HostPicker(props: {
  ctx: PageContext;
  /** The form field's name (repeated once per ticked host). */
  name: string;
  /** Unique on the page: ids of the list and the filter derive from it. */
  id: string;
  legend: string;
  hosts: readonly PickerHost[];
  selected: ReadonlySet<string>;
  error?: string;
}) {
  const { t } = props.ctx;
  const listId = `${props.id}-list`;
  const errorId = `${props.id}-error`;
  return (
    <fieldset class="field picker" aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      <label for={`${props.id}-filter`} hidden>
        {t("picker.filter")}
      </label>
      <input
        id={`${props.id}-filter`}
        type="search"
        data-picker-filter
        aria-controls={listId}
        autocomplete="off"
        hidden
      />
      {props.hosts.length === 0 ? (
        <p class="muted">{t("picker.none")}</p>
      ) : (
        <ul class="picker-list" id={listId} data-testid={`${props.id}-picker`}>
          {props.hosts.map((h) => (
            <li>
              <label>
                <input type="checkbox" name={props.name} value={h.id} checked={props.selected.has(h.id)} />
                <span>{h.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <span class="error" id={errorId}>
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
