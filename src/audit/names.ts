/**
 * @module Names for the people and records an audit page shows, looked up in one query per kind for the
 * ids on that page, so the log reads "Rina Protokol · Kunjungan SB-2026-0042" instead of two UUIDs.
 * A record deleted since keeps only its kind (its id stays in the CSV export).
 */
import { inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItems } from "../../db/schema/agenda";
import { apiTokens, users } from "../../db/schema/auth";
import { closures } from "../../db/schema/closures";
import { delegations, participants, topics } from "../../db/schema/delegations";
import { commitments } from "../../db/schema/outcomes";
import { tourTemplates } from "../../db/schema/templates";
import { hosts, venues } from "../../db/schema/venues";
import type { AuditEntity } from "./actions";

export interface AuditNames {
  /** Users by id: the actors and the users acted on. */
  users: Map<string, string>;
  /** `${entityType}:${entityId}` → a readable name of that record. */
  records: Map<string, string>;
}

interface EventRef {
  actorId: string | null;
  entityType: string;
  entityId: string;
}

type Lookup = (db: Queryable, ids: string[]) => Promise<{ id: string; name: string }[]>;

const LOOKUPS: Partial<Record<AuditEntity, Lookup>> = {
  delegation: (db, ids) =>
    db
      .select({ id: delegations.id, code: delegations.code, institution: delegations.institution })
      .from(delegations)
      .where(inArray(delegations.id, ids))
      .then((rows) => rows.map((r) => ({ id: r.id, name: `${r.code} · ${r.institution}` }))),
  user: (db, ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  venue: (db, ids) =>
    db.select({ id: venues.id, name: venues.name }).from(venues).where(inArray(venues.id, ids)),
  host: (db, ids) => db.select({ id: hosts.id, name: hosts.name }).from(hosts).where(inArray(hosts.id, ids)),
  participant: (db, ids) =>
    db
      .select({ id: participants.id, name: participants.name })
      .from(participants)
      .where(inArray(participants.id, ids)),
  closure: (db, ids) =>
    db
      .select({ id: closures.id, name: closures.name, date: closures.date })
      .from(closures)
      .where(inArray(closures.id, ids))
      .then((rows) => rows.map((r) => ({ id: r.id, name: `${r.name} (${r.date})` }))),
  commitment: (db, ids) =>
    db
      .select({ id: commitments.id, name: commitments.what })
      .from(commitments)
      .where(inArray(commitments.id, ids)),
  template: (db, ids) =>
    db
      .select({ id: tourTemplates.id, name: tourTemplates.name })
      .from(tourTemplates)
      .where(inArray(tourTemplates.id, ids)),
  topic: (db, ids) =>
    db.select({ id: topics.id, name: topics.nameId }).from(topics).where(inArray(topics.id, ids)),
  agenda_item: (db, ids) =>
    db
      .select({ id: agendaItems.id, name: agendaItems.title })
      .from(agendaItems)
      .where(inArray(agendaItems.id, ids)),
  api_token: (db, ids) =>
    db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, ids)),
};

export async function loadAuditNames(db: Queryable, events: readonly EventRef[]): Promise<AuditNames> {
  const byType = new Map<string, Set<string>>();
  const userIds = new Set<string>();
  for (const e of events) {
    if (e.actorId) userIds.add(e.actorId);
    const ids = byType.get(e.entityType) ?? new Set<string>();
    ids.add(e.entityId);
    byType.set(e.entityType, ids);
  }
  for (const id of byType.get("user") ?? []) userIds.add(id);
  const usersById = new Map<string, string>();
  if (userIds.size > 0) {
    for (const u of await LOOKUPS.user!(db, [...userIds])) usersById.set(u.id, u.name);
  }
  const records = new Map<string, string>();
  for (const [type, ids] of byType) {
    const lookup = type === "user" ? undefined : LOOKUPS[type as AuditEntity];
    if (type === "user")
      for (const id of ids) if (usersById.has(id)) records.set(`user:${id}`, usersById.get(id)!);
    if (!lookup) continue;
    for (const r of await lookup(db, [...ids])) records.set(`${type}:${r.id}`, r.name);
  }
  return { users: usersById, records };
}
