/**
 * @module API tokens: `sbg_<256-bit secret>`, shown once, stored as SHA-256, revocable; the bearer acts
 * with its owner's role. Last use is recorded at most once a minute to keep reads cheap.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { freshMemo } from "../../db/fresh-memo";
import { apiTokens, users } from "../../db/schema/auth";
import type { CurrentUser } from "../http/context";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { newId, randomSecret, sha256Hex } from "./encoding";

const PREFIX = "sbg_";

/** A new token: its name, and the user it acts as (default: whoever creates it). */
export const tokenInput = z.strictObject({
  name: z.string().trim().min(1, msg("error.required")).max(100),
  userId: z.string().min(1).optional(),
});
const LAST_USED_RESOLUTION_MS = 60_000;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

export async function createApiToken(
  ctx: Ctx,
  { owner, name }: { owner: string; name: string },
): Promise<{ id: string; token: string }> {
  const token = `${PREFIX}${randomSecret(32)}`;
  const row = {
    id: newId(),
    userId: owner,
    name,
    tokenHash: await sha256Hex(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdAt: ctx.now,
  };
  await ctx.transaction(async (tx, audit) => {
    const found = await tx.select({ id: users.id }).from(users).where(eq(users.id, owner)).get();
    if (!found)
      throw new AppError("validation_failed", { details: { fields: { userId: ["unknown user"] } } });
    await tx.insert(apiTokens).values(row);
    const { tokenHash: _omit, ...after } = row;
    await audit("api_token.create", { type: "api_token", id: row.id }, undefined, after);
  });
  return { id: row.id, token };
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  const { now } = ctx;
  await ctx.transaction(async (tx, audit) => {
    const token = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    if (!token) throw new AppError("not_found");
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
    await audit("api_token.revoke", { type: "api_token", id }, { revokedAt: null }, { revokedAt: now });
  });
}

export function listApiTokens(db: Db) {
  return db.orm
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      ownerId: users.id,
      ownerEmail: users.email,
      ownerRole: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** Which token made a request: named in the audit trail beside its owner. */
interface TokenIdentity {
  id: string;
  name: string;
  prefix: string;
}

interface TokenOwner {
  tokenId: string;
  lastUsedAt: Date | null;
  user: CurrentUser;
  token: TokenIdentity;
}

async function loadTokenOwner(db: Db, hash: string): Promise<TokenOwner | null> {
  const row = await db.orm
    .select({
      tokenId: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      lastUsedAt: apiTokens.lastUsedAt,
      user: users,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .get();
  if (!row || row.user.disabledAt) return null;
  const { id, email, name, role, locale } = row.user;
  return {
    tokenId: row.tokenId,
    lastUsedAt: row.lastUsedAt,
    user: { id, email, name, role, locale },
    token: { id: row.tokenId, name: row.name, prefix: row.prefix },
  };
}

/** How long another process's revocation may take to be seen here; this process's own writes show at once. */
export const TOKEN_MEMO_TTL_MS = 5_000;

/**
 * Resolves bearer tokens to their owners (null when unknown, revoked, or the owner is disabled). Lookups
 * are memoised per process until this process writes anything or for TOKEN_MEMO_TTL_MS, so an integration
 * polling the API costs one hash, not a join, per request.
 */
export function createTokenAuthenticator(db: Db, clock: () => Date) {
  const memo = freshMemo<TokenOwner>({ db, clock, ttlMs: TOKEN_MEMO_TTL_MS });
  return async function authenticate(
    token: string,
  ): Promise<{ user: CurrentUser; token: TokenIdentity } | null> {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    const hash = await sha256Hex(token);
    const owner = await memo.get(hash, () => loadTokenOwner(db, hash));
    if (!owner) return null;
    const now = clock();
    if (!owner.lastUsedAt || now.getTime() - owner.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      owner.lastUsedAt = now;
      await db.write(() =>
        db.orm.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, owner.tokenId)),
      );
    }
    return { user: owner.user, token: owner.token };
  };
}
