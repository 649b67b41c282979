/**
 * @module The one service context: what every service call needs (db, who acts, when, config, the password
 * hasher) and `transaction(fn)`, whose `audit(action, entity, before, after)` writes into the same write
 * transaction as the change, so a change and its audit record land together or not at all.
 * Routes get it with `serviceContext(c)` (built once per request); jobs, seeders, the CLI and tests build
 * one with `createServiceContext`.
 */
import type { Db, Transaction } from "../../db/client";
import type { AuditAction, AuditEntity as AuditEntityType } from "../audit/actions";
import { type AuditActor, recordAudit } from "../audit/record";
import { actorOf } from "../auth/guard";
import type { PasswordHasher } from "../auth/password";
import type { Config } from "../config";
import type { Locale } from "../i18n/dictionary";
import type { AppContext, AppDeps } from "./context";

/** The audited thing: `{ type: "user", id }`. */
export interface AuditEntity {
  type: AuditEntityType;
  id: string;
}

/** Records one audit event in the surrounding transaction. */
export type Audit = (
  action: AuditAction,
  entity: AuditEntity,
  before?: unknown,
  after?: unknown,
) => Promise<void>;

export interface ServiceContext {
  db: Db;
  actor: AuditActor;
  now: Date;
  config: Config;
  passwords: PasswordHasher;
  /** Language of messages for the request (validation of passwords, say); Bahasa Indonesia by default. */
  locale?: Locale;
  /** One write transaction (the process's writer queue) with an `audit` bound to it. */
  transaction<T>(fn: (tx: Transaction, audit: Audit) => Promise<T>): Promise<T>;
}

/** The actor of requests nobody signed in to (public forms). */
export const PUBLIC_ACTOR: AuditActor = { id: null, label: "public" };

/**
 * `transaction` for `actor` acting at `now`, for callers outside a request that have no full context
 * (bootstrap, CLI, seeders): services ask for `Pick<ServiceContext, …>` of what they use.
 */
export function auditedTransaction(db: Db, actor: AuditActor, now: Date): ServiceContext["transaction"] {
  return (fn) =>
    db.writeTransaction((tx) =>
      fn(tx, (action, entity, before, after) =>
        recordAudit(tx, { actor, action, entityType: entity.type, entityId: entity.id, before, after, now }),
      ),
    );
}

export function createServiceContext(
  deps: Pick<AppDeps, "db" | "config" | "passwords">,
  input: { actor: AuditActor; now: Date },
): ServiceContext {
  const { actor, now } = input;
  return {
    db: deps.db,
    actor,
    now,
    config: deps.config,
    passwords: deps.passwords,
    transaction: auditedTransaction(deps.db, actor, now),
  };
}

/** The request's service context: the signed-in user (or the public) acting now. Built once per request. */
export function serviceContext(c: AppContext): ServiceContext {
  const cached = c.get("services");
  if (cached) return cached;
  const deps = c.get("deps");
  const user = c.get("user");
  const ctx: ServiceContext = {
    ...createServiceContext(deps, { actor: user ? actorOf(c) : PUBLIC_ACTOR, now: deps.clock() }),
    locale: c.get("locale"),
  };
  c.set("services", ctx);
  return ctx;
}
