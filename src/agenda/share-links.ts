/**
 * @module Itinerary share links: `/i/{token}` for a visiting delegation, no login. The token is derived,
 * never stored: base64url(HMAC-SHA256(LINK_SECRET, "itinerary:" + link id)), 256 bits. A row keeps only
 * the token's SHA-256 (what `/i/{token}` looks up), so a database leak opens no link; staff can still
 * copy, share and print a live link again, because listing recomputes each token from its id. A link
 * whose hash does not match its derived token (issued before, or under another secret) shows no address. Staff "issue" a link from the agenda page, which revokes the live ones (re-issue after a leak; the
 * page says first which links that ends); staff can also revoke one link or all of them. An invitation
 * mail reuses the delegation's current live link (`currentOrNewShareLink`) instead of minting one per
 * send, so an official's bookmark survives an update. Issuing records the agenda revision the visitor is
 * given, the baseline of later change notes. Visitors' opens are noted at most every `OPENED_EVERY_MS`.
 */
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { users } from "../../db/schema/auth";
import { shareLinks } from "../../db/schema/sharing";
import type { AuditActor } from "../audit/record";
import { hmacSha256Base64Url, newId, sha256Hex } from "../auth/encoding";
import { linkSecretOf } from "../config";
import { notFound } from "../http/errors";
import type { Audit, ServiceContext } from "../http/service-context";
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

/** The token of link `linkId` under `secret`: 43 base64url characters. */
export function deriveShareToken(secret: string, linkId: string): Promise<string> {
  return hmacSha256Base64Url(secret, `itinerary:${linkId}`);
}

/**
 * Marks the id of a link whose token is derived. Such a link opens only with the token derived under the
 * current secret (a changed LINK_SECRET ends it); a link with another id has a random token (issued before
 * tokens were derived, or by an invitation mail) and opens with the token its hash was made from.
 */
const DERIVED_ID_PREFIX = "i-";

/** A new link's id, token and hash, made before a write transaction (hashing is async and must not hold the lock). */
export async function newShareToken(secret: string): Promise<ShareToken> {
  const id = `${DERIVED_ID_PREFIX}${newId()}`;
  const token = await deriveShareToken(secret, id);
  return { id, token, tokenHash: await sha256Hex(token) };
}

export interface ShareToken {
  id: string;
  token: string;
  tokenHash: string;
}

/** Whether `token`, whose hash found link `linkId`, may open it under `secret` (see `DERIVED_ID_PREFIX`). */
export async function tokenOpensLink(secret: string, linkId: string, token: string): Promise<boolean> {
  if (!linkId.startsWith(DERIVED_ID_PREFIX)) return true;
  return (await deriveShareToken(secret, linkId)) === token;
}

/** The link's derived token, or null when its stored hash is not that token's (issued before, or another secret). */
async function knownToken(secret: string, row: { id: string; tokenHash: string }): Promise<string | null> {
  const token = await deriveShareToken(secret, row.id);
  return (await sha256Hex(token)) === row.tokenHash ? token : null;
}

export async function issueShareLink(
  ctx: Pick<ServiceContext, "transaction" | "actor" | "now" | "config">,
  delegationId: string,
): Promise<IssuedShareLink> {
  const { id, token, tokenHash } = await newShareToken(linkSecretOf(ctx.config));
  await ctx.transaction(async (tx, audit) => {
    const delegation = await findAgendaDelegation(tx, delegationId);
    if (!delegation) throw notFound();
    await insertShareLink(tx, {
      id,
      delegationId,
      actor: ctx.actor,
      audit,
      now: ctx.now,
      hostTimeZone: ctx.config.hostTimeZone,
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
    /** The id the token was derived from (`newShareToken`); callers with a random token omit it. */
    id?: string;
    delegationId: string;
    tokenHash: string;
    /** Who issues it (the link's `createdBy`); `audit` is the caller's transaction's (`ctx.transaction`). */
    actor: AuditActor;
    audit: Audit;
    now: Date;
    hostTimeZone: string;
    revokeOthers: boolean;
    via: "staff" | "mail";
  },
): Promise<string> {
  const revoked = input.revokeOthers ? await revokeActive(tx, input.delegationId, input.now) : [];
  const id = input.id ?? newId();
  await tx.insert(shareLinks).values({
    id,
    delegationId: input.delegationId,
    tokenHash: input.tokenHash,
    via: input.via,
    createdAt: input.now,
    createdBy: input.actor.id,
  });
  await input.audit("share_link.issue", { type: "delegation", id: input.delegationId }, undefined, {
    shareLinkId: id,
    revoked,
    via: input.via,
  });
  await recordRevision(tx, input);
  return id;
}

/**
 * For mail: the delegation's newest live link whose token is known (derived from its id), or, when there
 * is none, the fresh one (made with `newShareToken` before the transaction) stored as a mailed link.
 * Inside the caller's transaction, so a send and its link land together. `reused` says which happened.
 */
export async function currentOrNewShareLink(
  tx: Transaction,
  input: {
    delegationId: string;
    fresh: ShareToken;
    secret: string;
    actor: AuditActor;
    audit: Audit;
    now: Date;
    hostTimeZone: string;
    baseUrl: string;
  },
): Promise<IssuedShareLink & { reused: boolean }> {
  const live = await liveRows(tx, input.delegationId);
  for (const row of live) {
    const token = await knownToken(input.secret, row);
    if (token) return { id: row.id, token, url: itineraryUrl(input.baseUrl, token), reused: true };
  }
  const id = await insertShareLink(tx, {
    ...input,
    id: input.fresh.id,
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
  /** The link to copy; null for a link whose token is not derived from the current secret (revoke it and issue a new one). */
  url: string | null;
}

/** The delegation's live links, newest first, each URL recomputed from its id. */
export async function listShareLinks(
  db: Queryable,
  delegationId: string,
  config: { baseUrl: string; linkSecret?: string },
): Promise<ShareLinkInfo[]> {
  const secret = linkSecretOf(config);
  const rows = await db
    .select({
      id: shareLinks.id,
      createdAt: shareLinks.createdAt,
      createdBy: users.name,
      via: shareLinks.via,
      lastOpenedAt: shareLinks.lastOpenedAt,
      tokenHash: shareLinks.tokenHash,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.delegationId, delegationId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt))
    .limit(50);
  return Promise.all(
    rows.map(async ({ tokenHash, ...r }) => {
      const token = await knownToken(secret, { id: r.id, tokenHash });
      return { ...r, url: token ? itineraryUrl(config.baseUrl, token) : null };
    }),
  );
}

/** The URL of the delegation's newest live link whose token is known (the visitor's status page links it). */
export async function currentShareLinkUrl(
  db: Queryable,
  delegationId: string,
  config: { baseUrl: string; linkSecret?: string },
): Promise<string | null> {
  const secret = linkSecretOf(config);
  for (const row of await liveRows(db, delegationId)) {
    const token = await knownToken(secret, row);
    if (token) return itineraryUrl(config.baseUrl, token);
  }
  return null;
}

/** The delegation's live links' ids and hashes, newest first. */
function liveRows(db: Queryable, delegationId: string): Promise<{ id: string; tokenHash: string }[]> {
  return db
    .select({ id: shareLinks.id, tokenHash: shareLinks.tokenHash })
    .from(shareLinks)
    .where(and(eq(shareLinks.delegationId, delegationId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt))
    .limit(50);
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
