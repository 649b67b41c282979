/**
 * @module Reminders the day before a visit day, at REMINDER_TIME in the venue's zone: one to the contact
 * person listing the day's programme, one to each host listing their items. Run by the job on every tick;
 * the dedupe key (kind, delegation, local date, recipient) makes repeated runs harmless, and a run that
 * comes late (server was down at 16:00) still sends — until the visit day begins, after which a
 * "tomorrow" reminder would be wrong and is skipped.
 *
 * `autoNotices = false` silences the contact's reminder; hosts (our own staff) are still reminded.
 */
import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { type AgendaEntry, loadItems } from "../agenda/load-agenda";
import { getHostSettings } from "../host-settings/service";
import type { Locale } from "../i18n/dictionary";
import { formatLocalDate } from "../i18n/format";
import { addDays, DAY_MS, localDateOf, localToInstant } from "../scheduling/zoned-time";
import { composeMail, frame, homeZoneOf, programmeRows } from "./compose";
import { isSafeAddress } from "./header-safety";
import { enqueueMessage } from "./outbox";
import { officeSignatureOf } from "./signature";

export interface ReminderContext {
  db: Db;
  now: Date;
  baseUrl: string;
  /** "HH:MM", local to each item's zone. */
  reminderTime: string;
  /** HOST_TIME_ZONE: the zone of an item without a venue. */
  hostTimeZone: string;
}

/** True when `now` is on the day before `item`'s local date, at or after the reminder time. */
export function reminderDue(
  item: Pick<AgendaEntry, "startsAt" | "timeZone">,
  now: Date,
  reminderTime: string,
) {
  const date = localDateOf(item.startsAt.getTime(), item.timeZone);
  const due = localToInstant({ date: addDays(date, -1), time: reminderTime, timeZone: item.timeZone });
  const dayStarts = localToInstant({ date, time: "00:00", timeZone: item.timeZone });
  return { date, due: now.getTime() >= due && now.getTime() < dayStarts };
}

/** Enqueues every reminder due now; returns how many messages were new. */
export async function enqueueDueReminders(ctx: ReminderContext): Promise<number> {
  const rows = await ctx.db.orm
    .select({ itemId: agendaItems.id, delegationId: agendaItemDelegations.delegationId })
    .from(agendaItems)
    .innerJoin(agendaItemDelegations, eq(agendaItemDelegations.itemId, agendaItems.id))
    .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
    .where(
      and(
        eq(agendaItems.status, "scheduled"),
        eq(delegations.status, "confirmed"),
        gte(agendaItems.startsAt, ctx.now),
        lt(agendaItems.startsAt, new Date(ctx.now.getTime() + 2 * DAY_MS)),
      ),
    );
  if (rows.length === 0) return 0;
  const items = new Map(
    (await loadItems(ctx.db.orm, [...new Set(rows.map((r) => r.itemId))], ctx.hostTimeZone)).map((i) => [
      i.id,
      i,
    ]),
  );
  // (delegation, local date) → items
  const groups = new Map<string, { delegationId: string; date: string; items: AgendaEntry[] }>();
  for (const r of rows) {
    const item = items.get(r.itemId);
    if (!item) continue;
    const { date, due } = reminderDue(item, ctx.now, ctx.reminderTime);
    if (!due) continue;
    const key = `${r.delegationId}|${date}`;
    const g = groups.get(key) ?? { delegationId: r.delegationId, date, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  if (groups.size === 0) return 0;
  const office = officeSignatureOf(await getHostSettings(ctx.db.orm));
  return ctx.db.writeTransaction(async (tx) => {
    let queued = 0;
    for (const g of groups.values()) {
      const d = await tx.query.delegations.findFirst({ where: eq(delegations.id, g.delegationId) });
      if (!d) continue;
      g.items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const common = { delegationId: d.id, scope: g.date };
      if (d.autoNotices && isSafeAddress(d.contactEmail.trim())) {
        const locale: Locale = d.language;
        const base = frame(locale, "", d.contactName, office);
        const { t } = base;
        const subject = t("mail.reminder.subject", { code: d.code });
        const composed = await composeMail(subject, {
          ...base,
          heading: subject,
          paragraphs: [
            t("mail.reminder.intro", { institution: d.institution, date: formatLocalDate(g.date, locale) }),
          ],
          programme: {
            title: t("mail.rundown"),
            rows: programmeRows(g.items, locale, t, homeZoneOf(d.provinceCode)),
          },
        });
        const id = await enqueueMessage(tx, ctx, {
          ...common,
          kind: "reminder_contact",
          locale,
          to: { name: d.contactName, email: d.contactEmail },
          ...composed,
        });
        if (id) queued += 1;
      }
      const hostItems = new Map<string, { name: string; email: string; items: AgendaEntry[] }>();
      for (const item of g.items) {
        for (const h of item.hosts) {
          const email = h.email?.trim().toLowerCase();
          if (!email || !isSafeAddress(email)) continue;
          const entry = hostItems.get(email) ?? { name: h.name, email, items: [] };
          entry.items.push(item);
          hostItems.set(email, entry);
        }
      }
      for (const h of hostItems.values()) {
        const locale: Locale = "id";
        const base = frame(locale, "", h.name, office);
        const { t } = base;
        const subject = t("mail.reminderHost.subject", { code: d.code });
        const composed = await composeMail(subject, {
          ...base,
          heading: subject,
          paragraphs: [
            t("mail.reminderHost.intro", {
              institution: d.institution,
              code: d.code,
              date: formatLocalDate(g.date, locale),
            }),
          ],
          programme: { title: t("mail.rundown"), rows: programmeRows(h.items, locale, t) },
        });
        const id = await enqueueMessage(tx, ctx, {
          ...common,
          kind: "reminder_host",
          locale,
          to: { name: h.name, email: h.email },
          ...composed,
        });
        if (id) queued += 1;
      }
    }
    return queued;
  });
}
