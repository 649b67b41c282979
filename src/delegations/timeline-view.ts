/**
 * @module A delegation's timeline in words, oldest first: what people and the system did to it (from the
 * audit trail: who by name, the translated action, a status change as "→ Dikonfirmasi", an edit as
 * "field: before → after") and every e-mail about it with its honest delivery state (waiting, sent, not
 * sent because saved as a file …), so staff never read "sent" for a mail that was not.
 */
import type { Db } from "../../db/client";
import { describeEvent, summaryText } from "../audit/describe";
import { loadAuditNames } from "../audit/names";
import type { Locale, Translate } from "../i18n/dictionary";
import { isDelegationStatus, noticeKindKey, statusKey } from "../i18n/keys";
import { type MailState, mailStateOf } from "../mail/delivery-state";
import { listOutbox } from "../mail/outbox";
import { timeline } from "./queries";

export interface TimelineEntry {
  at: Date;
  /** Who acted; absent for an e-mail (the system sends it). */
  actor?: string;
  text: string;
  detail?: string;
  /** An e-mail's subject, in the mail's own language. */
  subject?: { text: string; lang: Locale };
  mailState?: MailState;
}

export async function loadTimeline(
  db: Db,
  delegationId: string,
  view: { t: Translate; locale: Locale; timeZone: string },
): Promise<TimelineEntry[]> {
  const { t } = view;
  const [events, mails] = await Promise.all([
    timeline(db, delegationId),
    listOutbox(db.orm, { delegationId, limit: 200 }),
  ]);
  const names = await loadAuditNames(db.orm, events);
  const entries: TimelineEntry[] = events.map((e) => {
    const d = describeEvent(e, { ...view, names });
    const after = (e.after ?? {}) as { status?: unknown };
    const detail =
      e.action === "delegation.transition" && isDelegationStatus(after.status)
        ? `→ ${t(statusKey(after.status))}`
        : d.kind === "changed"
          ? summaryText(d, t) || undefined
          : undefined;
    return { at: e.at, actor: d.actor, text: d.action, detail };
  });
  for (const m of mails) {
    entries.push({
      at: m.createdAt,
      text: `${t(noticeKindKey(m.kind))} · ${m.toName}`,
      subject: { text: m.subject, lang: m.locale },
      mailState: mailStateOf(m),
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
