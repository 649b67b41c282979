/**
 * @module The itinerary link a mail carries: the delegation's current live link, reused on every send, so
 * invitation mails never mint a new live link each time. Only a link's SHA-256 is stored, so the token
 * of a live link is recovered from a mail it was already sent in (the outbox keeps the bodies it sends)
 * and checked against the live links' hashes: a revoked link is never reused. With no live mailed link
 * (first send, or staff re-issued and revoked the old ones) the send issues one, once.
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { outboxMessages } from "../../db/schema/outbox";
import { shareLinks } from "../../db/schema/sharing";
import { itineraryUrl } from "../agenda/share-links";
import { sha256Hex } from "../auth/encoding";

export interface MailLink {
  url: string;
  /** The stored hash: the send re-checks inside its write transaction that the link is still live. */
  tokenHash: string;
}

const TOKEN = /\/i\/([A-Za-z0-9_-]{20,100})/g;

/** The delegation's live itinerary link already sent by mail, or null. */
export async function liveMailLink(
  db: Queryable,
  delegationId: string,
  baseUrl: string,
): Promise<MailLink | null> {
  const live = await db
    .select({ tokenHash: shareLinks.tokenHash })
    .from(shareLinks)
    .where(and(eq(shareLinks.delegationId, delegationId), isNull(shareLinks.revokedAt)));
  if (live.length === 0) return null;
  const hashes = new Set(live.map((l) => l.tokenHash));
  const sent = await db
    .select({ text: outboxMessages.text })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.delegationId, delegationId),
        inArray(outboxMessages.kind, ["itinerary", "invitation", "update", "confirmed"]),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(50);
  for (const { text } of sent) {
    for (const match of text.matchAll(TOKEN)) {
      const token = match[1] as string;
      const tokenHash = await sha256Hex(token);
      if (hashes.has(tokenHash)) return { url: itineraryUrl(baseUrl, token), tokenHash };
    }
  }
  return null;
}

/** True when the link is still live (checked inside the send's write transaction). */
export async function isLive(db: Queryable, delegationId: string, tokenHash: string): Promise<boolean> {
  const row = await db
    .select({ id: shareLinks.id })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.delegationId, delegationId),
        eq(shareLinks.tokenHash, tokenHash),
        isNull(shareLinks.revokedAt),
      ),
    )
    .get();
  return row !== undefined;
}
