/**
 * @module Published revisions of a delegation's itinerary (`agenda_revisions`): each time a visitor-facing
 * output (itinerary page, its calendar or PDF, a new share link) is about to show an agenda that differs
 * from the last published one, a revision is recorded with the changes since. The page shows the latest
 * revision's changes: "what changed since the last version".
 *
 * Why record on publication rather than on every booking write: the booking service is the only writer of
 * agenda items and stays unaware of itineraries; two quick edits between views become one revision, which
 * is what a visitor who saw the earlier version needs to know. `recordRevision` may also be called after a
 * write (inside its transaction) to pin a revision exactly.
 */
import { desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { type AgendaChange, agendaRevisions, type PublishedItem } from "../../db/schema/sharing";
import { agendaVersionKey } from "./agenda-version";
import { diffSnapshots, publishedItemOf, sameSnapshot } from "./change-diff";
import { loadDelegationAgenda } from "./load-agenda";

export interface PublishedRevision {
  revision: number;
  versionKey: string;
  changes: AgendaChange[];
  items: PublishedItem[];
  createdAt: Date;
}

export async function latestRevision(db: Queryable, delegationId: string): Promise<PublishedRevision | null> {
  const row = await db
    .select()
    .from(agendaRevisions)
    .where(eq(agendaRevisions.delegationId, delegationId))
    .orderBy(desc(agendaRevisions.revision))
    .limit(1)
    .get();
  return row ?? null;
}

/**
 * Records the current agenda as a revision unless it shows the same as the latest one (then only the
 * latest's version key is moved forward). Call inside a write transaction.
 */
export async function recordRevision(
  tx: Transaction,
  input: { delegationId: string; now: Date; hostTimeZone: string },
): Promise<PublishedRevision> {
  const { delegationId, now } = input;
  const [agenda, versionKey, latest] = [
    await loadDelegationAgenda(tx, delegationId, input.hostTimeZone),
    await agendaVersionKey(tx, delegationId),
    await latestRevision(tx, delegationId),
  ];
  if (!agenda || versionKey === null) throw new Error(`agenda: delegation ${delegationId} not found`);
  const items = agenda.items.map(publishedItemOf);
  if (latest && sameSnapshot(latest.items, items)) {
    if (latest.versionKey !== versionKey) {
      await tx
        .update(agendaRevisions)
        .set({ versionKey })
        .where(
          sql`${agendaRevisions.delegationId} = ${delegationId} AND ${agendaRevisions.revision} = ${latest.revision}`,
        );
    }
    return { ...latest, versionKey };
  }
  const revision: PublishedRevision = {
    revision: (latest?.revision ?? 0) + 1,
    versionKey,
    items,
    changes: latest ? diffSnapshots(latest.items, items) : [],
    createdAt: now,
  };
  await tx.insert(agendaRevisions).values({ delegationId, ...revision });
  return revision;
}

/**
 * The revision for `versionKey`: read when the latest already matches it (the common case, no write),
 * recorded otherwise.
 */
export async function ensureRevision(
  db: Db,
  input: { delegationId: string; versionKey: string; now: Date; hostTimeZone: string },
): Promise<PublishedRevision> {
  const latest = await latestRevision(db.orm, input.delegationId);
  if (latest && latest.versionKey === input.versionKey) return latest;
  return db.writeTransaction((tx) => recordRevision(tx, input));
}
