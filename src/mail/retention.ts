/**
 * @module Retention of sent mail: a sent message keeps its body for OUTBOX_RETENTION_DAYS (30 by default),
 * then the job runner blanks its text, HTML, calendar part and attachments. Those carry live status and
 * itinerary links; the row itself (recipient, subject, Message-ID, times, status) stays for the record.
 */
import { and, inArray, isNotNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages } from "../../db/schema/outbox";

const DAY_MS = 24 * 3600_000;

/** Blanks the bodies of messages sent more than `retentionDays` ago; returns how many were blanked. */
export async function blankOldSentBodies(
  db: Db,
  { now, retentionDays }: { now: Date; retentionDays: number },
) {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const rows = await db.writeTransaction((tx) =>
    tx
      .update(outboxMessages)
      .set({ text: "", html: "", icsContent: null, attachments: null, updatedAt: now })
      .where(
        and(
          inArray(outboxMessages.status, ["sent", "written"]),
          lt(outboxMessages.sentAt, before),
          or(
            ne(outboxMessages.text, ""),
            ne(outboxMessages.html, ""),
            isNotNull(outboxMessages.icsContent),
            isNotNull(outboxMessages.attachments),
          ),
        ),
      )
      .returning({ id: outboxMessages.id }),
  );
  return rows.length;
}
