/**
 * @module API tokens: `sbg_<256-bit secret>`, shown once, stored as SHA-256, revocable; the bearer acts
 * with its owner's role. Last use is recorded at most once a minute to keep reads cheap.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens, users } from "../../db/schema/auth";
import { type AuditActor as Actor, recordAudit } from "../audit/record";
import type { CurrentUser } from "../http/context";
import { AppError } from "../http/errors";
import { newId, randomSecret, sha256Hex } from "./encoding";

const PREFIX = "sbg_";
const LAST_USED_RESOLUTION_MS = 60_000;

export async function createApiToken(
  db: Db,
  { owner, name, actor, now }: { owner: string; name: string; actor: Actor; now: Date },
): Promise<{ id: string; token: string }> {
  const token = `${PREFIX}${randomSecret(32)}`;
  const row = {
    id: newId(),
    userId: owner,
    name,
    tokenHash: await sha256Hex(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdAt: now,
  };
  await db.writeTransaction(async (tx) => {
    const found = await tx.select({ id: users.id }).from(users).where(eq(users.id, owner)).get();
    if (!found)
      throw new AppError("validation_failed", { details: { fields: { userId: ["unknown user"] } } });
    await tx.insert(apiTokens).values(row);
    const { tokenHash: _omit, ...after } = row;
    await recordAudit(tx, {
      actor,
      action: "api_token.create",
      entityType: "api_token",
      entityId: row.id,
      after,
      now,
    });
  });
  return { id: row.id, token };
}

export async function revokeApiToken(db: Db, { id, actor, now }: { id: string; actor: Actor; now: Date }) {
  await db.writeTransaction(async (tx) => {
    const token = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    if (!token) throw new AppError("not_found");
    if (token.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
    await recordAudit(tx, {
      actor,
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: now },
      now,
    });
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

/** Resolves a bearer token to its owner, or null when unknown, revoked, or the owner is disabled. */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<CurrentUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const hash = await sha256Hex(token);
  const row = await db.orm
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .get();
  if (!row || row.user.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.writeTransaction((tx) =>
      tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId)),
    );
  }
  const { id, email, name, role, locale } = row.user;
  return { id, email, name, role, locale };
}
