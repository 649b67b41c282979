/**
 * @module What a message told its recipient about an agenda item (time, place, title), stored with the
 * message, so a later update can say exactly what changed since that recipient last heard.
 */
import type { ItemSnapshot } from "../../db/schema/outbox";
import type { AgendaEntry } from "../agenda/load-agenda";
import type { Locale, Translate } from "../i18n/dictionary";
import { itemWhen } from "./compose";

export function snapshotOf(item: AgendaEntry): ItemSnapshot {
  return {
    title: item.title,
    start: item.startsAt.toISOString(),
    end: item.endsAt.toISOString(),
    timeZone: item.timeZone,
    location: item.venue ? `${item.venue.name}, ${item.venue.address}` : null,
    status: item.status,
  };
}

/** Human lines for what changed between what was sent and the item now; empty when nothing visible did. */
export function changeLines(
  before: ItemSnapshot,
  now: AgendaEntry,
  locale: Locale,
  t: Translate,
  homeZone?: string,
): string[] {
  const after = snapshotOf(now);
  const lines: string[] = [];
  if (before.start !== after.start || before.end !== after.end || before.timeZone !== after.timeZone) {
    const was = { startsAt: new Date(before.start), endsAt: new Date(before.end), timeZone: before.timeZone };
    lines.push(
      t("mail.update.time", {
        before: itemWhen(was, locale, homeZone),
        after: itemWhen(now, locale, homeZone),
      }),
    );
  }
  if (before.location !== after.location) {
    lines.push(t("mail.update.place", { before: before.location ?? "—", after: after.location ?? "—" }));
  }
  if (before.title !== after.title)
    lines.push(t("mail.update.title", { before: before.title, after: after.title }));
  return lines;
}
