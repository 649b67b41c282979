/**
 * @module Itinerary share links: `/i/{token}` for a visiting delegation, no login. The token is 256 random
 * bits; only its SHA-256 is stored, so the URL is shown once, when it is issued. Staff "issue" a link from
 * the agenda page, which revokes the older ones (re-issue after a leak); each invitation mail carries a
 * link of its own and leaves earlier mailed links working (`revokeOthers: false`), so an official's
 * bookmark survives an update; `revokeShareLinks` ends them all (e.g. when a visit is withdrawn).
 * Issuing also records the agenda revision the visitor is given, the baseline of later change notes.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { shareLinks } from "../../db/schema/sharing";
import { type AuditActor, recordAudit } from "../audit/record";
import { newId, randomSecret, sha256Hex } from "../auth/encoding";
import { notFound } from "../http/errors";
import { findAgendaDelegation } from "./load-agenda";
import { recordRevision } from "./revisions";

export function itineraryUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/i/${token}`;
}

export interface IssuedShareLink {
  id: string;
  token: string;
  url: string;
}

export async function issueShareLink(
  db: Db,
  input: { delegationId: string; actor: AuditActor; now: Date; baseUrl: string; hostTimeZone: string },
): Promise<IssuedShareLink> {
  const token = randomSecret(32);
  const tokenHash = await sha256Hex(token);
  const id = await db.writeTransaction(async (tx) => {
    const delegation = await findAgendaDelegation(tx, input.delegationId);
    if (!delegation) throw notFound();
    return insertShareLink(tx, { ...input, tokenHash, revokeOthers: true, via: "staff" });
  });
  return { id, token, url: itineraryUrl(input.baseUrl, token) };
}

/**
 * Stores a link inside the caller's transaction (the token hash is computed before the transaction:
 * hashing is async and must not hold the writer lock), audits it and records the visitor's baseline
 * revision. Returns the link id.
 */
export async function insertShareLink(
  tx: Transaction,
  input: {
    delegationId: string;
    tokenHash: string;
    actor: AuditActor;
    now: Date;
    hostTimeZone: string;
    revokeOthers: boolean;
    via: "staff" | "mail";
  },
): Promise<string> {
  const revoked = input.revokeOthers ? await revokeActive(tx, input.delegationId, input.now) : [];
  const id = newId();
  await tx.insert(shareLinks).values({
    id,
    delegationId: input.delegationId,
    tokenHash: input.tokenHash,
    createdAt: input.now,
    createdBy: input.actor.id,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: "share_link.issue",
    entityType: "delegation",
    entityId: input.delegationId,
    after: { shareLinkId: id, revoked, via: input.via },
    now: input.now,
  });
  await recordRevision(tx, input);
  return id;
}

/** Revokes every active link of the delegation; returns how many were active. */
export async function revokeShareLinks(
  db: Db,
  input: { delegationId: string; actor: AuditActor; now: Date },
): Promise<number> {
  return db.writeTransaction(async (tx) => {
    const delegation = await findAgendaDelegation(tx, input.delegationId);
    if (!delegation) throw notFound();
    const revoked = await revokeActive(tx, input.delegationId, input.now);
    if (revoked.length > 0) {
      await recordAudit(tx, {
        actor: input.actor,
        action: "share_link.revoke",
        entityType: "delegation",
        entityId: input.delegationId,
        before: { shareLinkIds: revoked },
        now: input.now,
      });
    }
    return revoked.length;
  });
}

async function revokeActive(tx: Queryable, delegationId: string, now: Date): Promise<string[]> {
  const rows = await tx
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(eq(shareLinks.delegationId, delegationId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id });
  return rows.map((r) => r.id);
}

export interface ShareLinkInfo {
  id: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The delegation's links, newest first (never the tokens). */
export async function listShareLinks(db: Queryable, delegationId: string): Promise<ShareLinkInfo[]> {
  return db
    .select({ id: shareLinks.id, createdAt: shareLinks.createdAt, revokedAt: shareLinks.revokedAt })
    .from(shareLinks)
    .where(eq(shareLinks.delegationId, delegationId))
    .orderBy(desc(shareLinks.createdAt))
    .limit(20);
}
