/**
 * @module Feed tokens: secret subscription URLs (`/feeds/{token}.ics`) for staff calendars, scoped to all
 * bookings, one venue or one host. 256-bit random, only the SHA-256 stored, shown once on creation,
 * revocable by admins. Reads here also load a feed's items and its version key (one query) for caching.
 */
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { type FeedScope, feedTokens } from "../../db/schema/sharing";
import { hosts, venues } from "../../db/schema/venues";
import { loadItems } from "../agenda/load-agenda";
import { newId, randomSecret, sha256Hex } from "../auth/encoding";
import { AppError, notFound } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { FeedItem } from "./feed-calendar";
import { PAST_WINDOW_DAYS } from "./feed-calendar";
import { isTentative } from "./tentative";

export interface FeedTokenInfo {
  id: string;
  label: string;
  scope: FeedScope;
  scopeId: string | null;
  scopeName: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export function feedUrls(baseUrl: string, token: string): { url: string; webcal: string } {
  const url = `${baseUrl}/feeds/${token}.ics`;
  return { url, webcal: url.replace(/^https?:/, "webcal:") };
}

async function scopeName(db: Queryable, scope: FeedScope, scopeId: string | null): Promise<string | null> {
  if (scope === "all" || !scopeId) return null;
  const table = scope === "venue" ? venues : hosts;
  const row = await db.select({ name: table.name }).from(table).where(eq(table.id, scopeId)).get();
  return row?.name ?? null;
}

export async function createFeedToken(
  ctx: Pick<ServiceContext, "actor" | "now" | "transaction">,
  input: {
    label: string;
    scope: FeedScope;
    scopeId?: string | null;
    baseUrl: string;
  },
): Promise<{ id: string; token: string; url: string; webcal: string }> {
  const scopeId = input.scope === "all" ? null : (input.scopeId ?? null);
  if (input.scope !== "all" && !scopeId) {
    throw new AppError("validation_failed", {
      messageKey: "feeds.targetRequired",
      details: { fields: { scopeId: ["feeds.targetRequired"] } },
    });
  }
  const token = randomSecret(32);
  const tokenHash = await sha256Hex(token);
  const id = newId();
  await ctx.transaction(async (tx, audit) => {
    if (input.scope !== "all" && (await scopeName(tx, input.scope, scopeId)) === null) {
      throw new AppError("validation_failed", {
        messageKey: "feeds.targetMismatch",
        details: { fields: { scopeId: ["feeds.targetMismatch"] } },
      });
    }
    await tx.insert(feedTokens).values({
      id,
      label: input.label,
      scope: input.scope,
      scopeId,
      tokenHash,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
    });
    await audit("feed_token.create", { type: "feed_token", id }, undefined, {
      label: input.label,
      scope: input.scope,
      scopeId,
    });
  });
  return { id, token, ...feedUrls(input.baseUrl, token) };
}

export async function revokeFeedToken(
  ctx: Pick<ServiceContext, "now" | "transaction">,
  id: string,
): Promise<void> {
  await ctx.transaction(async (tx, audit) => {
    const row = await tx.select().from(feedTokens).where(eq(feedTokens.id, id)).get();
    if (!row) throw notFound();
    if (row.revokedAt) return;
    await tx.update(feedTokens).set({ revokedAt: ctx.now }).where(eq(feedTokens.id, id));
    await audit(
      "feed_token.revoke",
      { type: "feed_token", id },
      {
        label: row.label,
        scope: row.scope,
        scopeId: row.scopeId,
      },
    );
  });
}

export async function listFeedTokens(db: Queryable): Promise<FeedTokenInfo[]> {
  const rows = await db
    .select({
      id: feedTokens.id,
      label: feedTokens.label,
      scope: feedTokens.scope,
      scopeId: feedTokens.scopeId,
      createdAt: feedTokens.createdAt,
      revokedAt: feedTokens.revokedAt,
      venueName: venues.name,
      hostName: hosts.name,
    })
    .from(feedTokens)
    .leftJoin(venues, and(eq(feedTokens.scope, "venue"), eq(venues.id, feedTokens.scopeId)))
    .leftJoin(hosts, and(eq(feedTokens.scope, "host"), eq(hosts.id, feedTokens.scopeId)))
    .orderBy(desc(feedTokens.createdAt));
  return rows.map(({ venueName, hostName, ...r }) => ({ ...r, scopeName: venueName ?? hostName ?? null }));
}

export interface FeedTarget {
  id: string;
  scope: FeedScope;
  scopeId: string | null;
  scopeName: string | null;
  versionKey: string;
}

const DAY_MS = 86_400_000;

/**
 * Resolves an active token and reads the feed's version key in the same query: the scope's item count,
 * latest update and version sum, venue/host/delegation updates, and the UTC day (items leave the window
 * by date, so the key must change daily even when nothing is edited).
 */
export async function feedTarget(db: Queryable, tokenHash: string, now: Date): Promise<FeedTarget | null> {
  const [token] = await db.all<{
    id: string;
    scope: FeedScope;
    scopeId: string | null;
    scopeName: string | null;
  }>(sql`
    SELECT f.id AS id, f.scope AS scope, f.scope_id AS scopeId,
      coalesce((SELECT name FROM venues WHERE f.scope = 'venue' AND id = f.scope_id),
               (SELECT name FROM hosts WHERE f.scope = 'host' AND id = f.scope_id)) AS scopeName
    FROM feed_tokens f
    WHERE f.token_hash = ${tokenHash} AND f.revoked_at IS NULL`);
  if (!token) return null;
  const since = now.getTime() - PAST_WINDOW_DAYS * DAY_MS;
  // Items last at most a day, so `starts_at >= since - 1 day` lets the time indexes bound the scan.
  const startFloor = since - DAY_MS;
  const scoped =
    token.scope === "host"
      ? sql`FROM agenda_item_hosts aih JOIN agenda_items ai ON ai.id = aih.item_id
            WHERE aih.host_id = ${token.scopeId} AND aih.starts_at >= ${startFloor} AND ai.ends_at >= ${since}`
      : token.scope === "venue"
        ? sql`FROM agenda_items ai
              WHERE ai.venue_id = ${token.scopeId} AND ai.starts_at >= ${startFloor} AND ai.ends_at >= ${since}`
        : sql`FROM agenda_items ai WHERE ai.starts_at >= ${startFloor} AND ai.ends_at >= ${since}`;
  const [row] = await db.all<{ key: string }>(sql`
    SELECT count(*) || '.' || coalesce(max(ai.updated_at), 0) || '.' || coalesce(sum(ai.version), 0) || '.' ||
      coalesce(max((SELECT updated_at FROM venues v WHERE v.id = ai.venue_id)), 0) || '.' ||
      coalesce(max((SELECT max(d.updated_at) FROM agenda_item_delegations aid JOIN delegations d ON d.id = aid.delegation_id
                    WHERE aid.item_id = ai.id)), 0) || '|' ||
      (SELECT coalesce(max(updated_at), 0) FROM hosts) AS key
    ${scoped}`);
  const day = Math.floor(now.getTime() / DAY_MS);
  return { ...token, versionKey: `${row?.key ?? ""}|${day}` };
}

/** The feed's items (window applied later by `feedCalendar`), each with its first delegation. */
export async function loadFeedItems(
  db: Queryable,
  target: FeedTarget,
  now: Date,
  hostTimeZone: string,
): Promise<FeedItem[]> {
  const since = new Date(now.getTime() - PAST_WINDOW_DAYS * DAY_MS);
  const conditions = [gte(agendaItems.endsAt, since)];
  if (target.scope === "venue" && target.scopeId) conditions.push(eq(agendaItems.venueId, target.scopeId));
  if (target.scope === "host" && target.scopeId) {
    const hostItems = db
      .select({ id: agendaItemHosts.itemId })
      .from(agendaItemHosts)
      .where(eq(agendaItemHosts.hostId, target.scopeId));
    conditions.push(inArray(agendaItems.id, hostItems));
  }
  const ids = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(...conditions));
  const items = await loadItems(
    db,
    ids.map((r) => r.id),
    hostTimeZone,
  );
  if (items.length === 0) return [];
  const owners = await db
    .select({
      itemId: agendaItemDelegations.itemId,
      id: delegations.id,
      code: delegations.code,
      institution: delegations.institution,
      status: delegations.status,
    })
    .from(agendaItemDelegations)
    .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
    .where(
      inArray(
        agendaItemDelegations.itemId,
        items.map((i) => i.id),
      ),
    )
    .orderBy(delegations.code);
  const ownerOf = new Map<string, (typeof owners)[number][]>();
  for (const o of owners) ownerOf.set(o.itemId, [...(ownerOf.get(o.itemId) ?? []), o]);
  return items.map((item) => {
    const list = ownerOf.get(item.id) ?? [];
    const first = list[0];
    const delegation = first
      ? { code: first.code, institution: first.institution, status: first.status }
      : { code: "-", institution: "-", status: "confirmed" as const };
    // A shared session is cancelled for the feed only when every delegation in it withdrew.
    const allWithdrawn =
      list.length > 0 && list.every((o) => o.status === "cancelled" || o.status === "declined");
    return {
      ...item,
      delegation: { ...delegation, status: allWithdrawn ? delegation.status : "confirmed" },
      delegationId: first?.id,
      label: list.map((o) => `${o.code} ${o.institution}`).join(" + ") || undefined,
      tentative: isTentative(list.map((o) => o.status)),
    } as FeedItem & { delegationId?: string };
  });
}
