/**
 * @module The job step that reminds commitment owners through the outbox (schedule in
 * `reminder-schedule.ts`): for every open or in-progress commitment with reminders on, the step due today
 * (host zone, from 08:00) is enqueued in the owner's language — a staff owner's own, an outside owner's the
 * delegation's. The dedupe key is (kind, delegation, commitment, target date + step, recipient): a step is
 * mailed once however often the job runs, after a restart, or on two runners at once. Done, dropped or
 * switched-off commitments are not looked at, so their reminders stop.
 */

import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { commitments } from "../../db/schema/outcomes";
import { getHostSettings } from "../host-settings/service";
import type { Locale } from "../i18n/dictionary";
import { formatLocalDate } from "../i18n/format";
import { composeMail, frame } from "../mail/compose";
import { isSafeAddress } from "../mail/header-safety";
import { enqueueMessage } from "../mail/outbox";
import { officeSignatureOf } from "../mail/signature";
import { addDays, localDateOf, localTimeOf } from "../scheduling/zoned-time";
import { listCommitments } from "./queries";
import { currentReminderStep, DAYS_BEFORE, REMINDER_HOUR, stepDate } from "./reminder-schedule";
import { ACTIVE_STATUSES } from "./rules";

interface CommitmentReminderContext {
  db: Db;
  now: Date;
  baseUrl: string;
}

/** Enqueues every commitment reminder due now; returns how many messages were new. */
export async function enqueueCommitmentReminders(ctx: CommitmentReminderContext): Promise<number> {
  const zone = (await getHostSettings(ctx.db.orm)).defaultTimeZone;
  if (localTimeOf(ctx.now.getTime(), zone) < REMINDER_HOUR) return 0;
  const today = localDateOf(ctx.now.getTime(), zone);
  const candidates = await ctx.db.orm
    .select({ id: commitments.id })
    .from(commitments)
    .where(
      and(
        inArray(commitments.status, [...ACTIVE_STATUSES]),
        eq(commitments.remindersEnabled, true),
        lte(commitments.targetDate, addDays(today, DAYS_BEFORE)),
      ),
    );
  if (candidates.length === 0) return 0;
  const wanted = new Set(candidates.map((c) => c.id));
  const views = (await listCommitments(ctx.db.orm, {}, today)).filter((c) => wanted.has(c.id));
  return ctx.db.writeTransaction(async (tx) => {
    let queued = 0;
    const office = officeSignatureOf(await getHostSettings(tx));
    for (const c of views) {
      const step = currentReminderStep(c.targetDate, today);
      const email = c.ownerAddress?.trim().toLowerCase();
      if (!step || !email || !isSafeAddress(email)) continue;
      const locale: Locale = c.ownerLocale;
      const base = frame(locale, "", c.ownerLabel, office);
      const { t } = base;
      const date = formatLocalDate(c.targetDate, locale);
      const subject = t("commitments.reminder.subject", {
        what: c.what.length > 80 ? `${c.what.slice(0, 77)}…` : c.what,
      });
      const opening =
        step === "before-7"
          ? t("commitments.reminder.before", { date })
          : c.daysOverdue === 0
            ? t("commitments.reminder.due", { date })
            : t("commitments.reminder.overdue", { date, days: c.daysOverdue });
      const composed = await composeMail(subject, {
        ...base,
        heading: subject,
        paragraphs: [opening, t("commitments.reminder.ownerOf"), t("commitments.reminder.ask")],
        facts: [
          [t("commitments.what"), c.what],
          [t("commitments.targetDate"), date],
          [t("commitments.status"), t(`commitments.status.${c.status}`)],
          [t("commitments.reminder.visit"), `${c.delegationCode} · ${c.institution}`],
        ],
        ...(c.ownerUserId
          ? { link: { label: t("commitments.title"), url: `${ctx.baseUrl}/commitments/${c.id}` } }
          : {}),
      });
      const id = await enqueueMessage(tx, ctx, {
        kind: "commitment_reminder",
        delegationId: c.delegationId,
        itemId: c.id,
        scope: `${c.targetDate}:${step}`,
        locale,
        to: { name: c.ownerLabel, email },
        ...composed,
      });
      if (id) queued += 1;
    }
    return queued;
  });
}

export { stepDate };
