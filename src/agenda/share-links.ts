/**
 * @module Itinerary share links: `/i/{token}` for a visiting delegation, no login. The token is 256 random
 * bits, looked up by its SHA-256; the token is kept too, so staff can copy, share and print a live link
 * again. Staff "issue" a link from the agenda page, which revokes the live ones (re-issue after a leak; the
 * page says first which links that ends); staff can also revoke one link or all of them. An invitation
 * mail reuses the delegation's current live link (`currentOrNewShareLink`) instead of minting one per
 * send, so an official's bookmark survives an update. Issuing records the agenda revision the visitor is
 * given, the baseline of later change notes. Visitors' opens are noted at most every `OPENED_EVERY_MS`.
 */
import { and, desc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { users } from "../../db/schema/auth";
import { shareLinks } from "../../db/schema/sharing";
import { type AuditActor, recordAudit } from "../audit/record";
import { newId, randomSecret, sha256Hex } from "../auth/encoding";
import { notFound } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
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

/** A fresh token and its hash, made before a write transaction (hashing is async and must not hold the lock). */
export async function newShareToken(): Promise<{ token: string; tokenHash: string }> {
  const token = randomSecret(32);
  return { token, tokenHash: await sha256Hex(token) };
}

export async function issueShareLink(
  ctx: Pick<ServiceContext, "transaction" | "actor" | "now" | "config">,
  delegationId: string,
): Promise<IssuedShareLink> {
  const { token, tokenHash } = await newShareToken();
  const id = await ctx.transaction(async (tx) => {
    const delegation = await findAgendaDelegation(tx, delegationId);
    if (!delegation) throw notFound();
    return insertShareLink(tx, {
      delegationId,
      actor: ctx.actor,
      now: ctx.now,
      hostTimeZone: ctx.config.hostTimeZone,
      token,
      tokenHash,
      revokeOthers: true,
      via: "staff",
    });
  });
  return { id, token, url: itineraryUrl(ctx.config.baseUrl, token) };
}

/**
 * Stores a link inside the caller's transaction (the token hash is computed before the transaction),
 * audits it and records the visitor's baseline revision. Returns the link id.
 */
export async function insertShareLink(
  tx: Transaction,
  input: {
    delegationId: string;
    tokenHash: string;
    /** Kept so staff can copy the link again; callers that omit it get a link only the recipient knows. */
    token?: string;
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
    token: input.token ?? null,
    via: input.via,
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

/**
 * For mail: the delegation's newest live link whose token is known, or, when there is none, the fresh
 * one (made with `newShareToken` before the transaction) stored as a mailed link. Inside the caller's
 * transaction, so a send and its link land together. `reused` says which happened.
 */
export async function currentOrNewShareLink(
  tx: Transaction,
  input: {
    delegationId: string;
    fresh: { token: string; tokenHash: string };
    actor: AuditActor;
    now: Date;
    hostTimeZone: string;
    baseUrl: string;
  },
): Promise<IssuedShareLink & { reused: boolean }> {
  const known = await tx
    .select({ id: shareLinks.id, token: shareLinks.token })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.delegationId, input.delegationId),
        isNull(shareLinks.revokedAt),
        isNotNull(shareLinks.token),
      ),
    )
    .orderBy(desc(shareLinks.createdAt))
    .get();
  if (known?.token)
    return { id: known.id, token: known.token, url: itineraryUrl(input.baseUrl, known.token), reused: true };
  const id = await insertShareLink(tx, {
    ...input,
    token: input.fresh.token,
    tokenHash: input.fresh.tokenHash,
    revokeOthers: false,
    via: "mail",
  });
  const { token } = input.fresh;
  return { id, token, url: itineraryUrl(input.baseUrl, token), reused: false };
}

/** Revokes every live link of the delegation, or only `linkId` (404 unless live); returns how many were live. */
export async function revokeShareLinks(
  ctx: Pick<ServiceContext, "transaction" | "now">,
  input: { delegationId: string; linkId?: string },
): Promise<number> {
  return ctx.transaction(async (tx, audit) => {
    const delegation = await findAgendaDelegation(tx, input.delegationId);
    if (!delegation) throw notFound();
    const revoked = await revokeActive(tx, input.delegationId, ctx.now, input.linkId);
    if (input.linkId && revoked.length === 0) throw notFound();
    if (revoked.length > 0)
      await audit(
        "share_link.revoke",
        { type: "delegation", id: input.delegationId },
        { shareLinkIds: revoked },
      );
    return revoked.length;
  });
}

async function revokeActive(
  tx: Queryable,
  delegationId: string,
  now: Date,
  linkId?: string,
): Promise<string[]> {
  const rows = await tx
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(shareLinks.delegationId, delegationId),
        isNull(shareLinks.revokedAt),
        linkId ? eq(shareLinks.id, linkId) : undefined,
      ),
    )
    .returning({ id: shareLinks.id });
  return rows.map((r) => r.id);
}

export interface ShareLinkInfo {
  id: string;
  createdAt: Date;
  /** The staff member who issued it (or whose send mailed it); null when unknown. */
  createdBy: string | null;
  via: "staff" | "mail";
  lastOpenedAt: Date | null;
  /** The link to copy; null for a link issued before tokens were kept (revoke it and issue a new one). */
  url: string | null;
}

/** The delegation's live links, newest first. */
export async function listShareLinks(
  db: Queryable,
  delegationId: string,
  baseUrl: string,
): Promise<ShareLinkInfo[]> {
  const rows = await db
    .select({
      id: shareLinks.id,
      createdAt: shareLinks.createdAt,
      createdBy: users.name,
      via: shareLinks.via,
      lastOpenedAt: shareLinks.lastOpenedAt,
      token: shareLinks.token,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.delegationId, delegationId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt))
    .limit(50);
  return rows.map(({ token, ...r }) => ({ ...r, url: token ? itineraryUrl(baseUrl, token) : null }));
}

/** The URL of the delegation's newest live link whose token is known (the visitor's status page links it). */
export async function currentShareLinkUrl(
  db: Queryable,
  delegationId: string,
  baseUrl: string,
): Promise<string | null> {
  const row = await db
    .select({ token: shareLinks.token })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.delegationId, delegationId),
        isNull(shareLinks.revokedAt),
        isNotNull(shareLinks.token),
      ),
    )
    .orderBy(desc(shareLinks.createdAt))
    .get();
  return row?.token ? itineraryUrl(baseUrl, row.token) : null;
}

/** At most one "last opened" write per link per this interval, whatever the number of views. */
export const OPENED_EVERY_MS = 10 * 60_000;

/**
 * Notes that a visitor opened the link, unless that was already noted less than `OPENED_EVERY_MS` ago
 * (the condition is in the UPDATE, so concurrent processes agree). Returns whether it wrote.
 */
export async function noteShareLinkOpened(db: Db, linkId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - OPENED_EVERY_MS);
  const rows = await db.writeTransaction((tx) =>
    tx
      .update(shareLinks)
      .set({ lastOpenedAt: now })
      .where(
        and(
          eq(shareLinks.id, linkId),
          or(isNull(shareLinks.lastOpenedAt), lt(shareLinks.lastOpenedAt, since)),
        ),
      )
      .returning({ id: shareLinks.id }),
  );
  return rows.length > 0;
}
