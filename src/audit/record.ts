/**
 * @module Writes audit events. Call it inside the same transaction as the change it describes, so a
 * change and its record land together or not at all.
 */
import type { Queryable } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";
import type { AuditAction, AuditEntity } from "./actions";

export interface AuditActor {
  id: string | null;
  label: string;
}

interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
  now: Date;
}

export async function recordAudit(tx: Queryable, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    at: input.now,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/** The system itself (seeding, jobs) as an actor. */
export const SYSTEM_ACTOR: AuditActor = { id: null, label: "system" };
