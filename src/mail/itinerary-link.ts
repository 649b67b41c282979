/**
 * @module The itinerary link a mail carries: the delegation's current live link, reused on every send, so
 * invitation mails never mint a new live link each time. Tokens are never stored: a live link's token is
 * derived again from its id and LINK_SECRET (src/agenda/share-links.ts) and checked against its stored
 * hash, so a revoked link is never reused. With no live link whose token is known (first send, or every
 * live link predates derived tokens) the send issues one, once.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { shareLinks } from "../../db/schema/sharing";
import { currentShareLinkUrl } from "../agenda/share-links";
import { sha256Hex } from "../auth/encoding";

export interface MailLink {
  url: string;
  /** The stored hash: the send re-checks inside its write transaction that the link is still live. */
  tokenHash: string;
}

/** The delegation's newest live itinerary link whose token is known, or null. */
export async function liveMailLink(
  db: Queryable,
  delegationId: string,
  config: { baseUrl: string; linkSecret?: string },
): Promise<MailLink | null> {
  const url = await currentShareLinkUrl(db, delegationId, config);
  if (!url) return null;
  const token = url.slice(url.lastIndexOf("/") + 1);
  return { url, tokenHash: await sha256Hex(token) };
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
