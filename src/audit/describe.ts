/**
 * @module Turns one audit event into words: who (a person's name, or the public, the system), what (the
 * translated action), about which record (its kind and name) and a plain "field: before → after" summary
 * of what changed. Technical fields (ids, versions, timestamps of the row itself) are left out; a field
 * with no translated name is counted, not shown, so no code ever reaches the reader.
 */
import { AGENDA_KINDS } from "../../db/schema/agenda";
import { CLOSURE_KINDS } from "../../db/schema/closures";
import { DELEGATION_STATUSES } from "../../db/schema/delegations";

type AgendaKind = (typeof AGENDA_KINDS)[number];
type ClosureKind = (typeof CLOSURE_KINDS)[number];
const isAgendaKind = (v: string): v is AgendaKind => (AGENDA_KINDS as readonly string[]).includes(v);
const isClosureKind = (v: string): v is ClosureKind => (CLOSURE_KINDS as readonly string[]).includes(v);

import { COMMITMENT_STATUSES } from "../../db/schema/outcomes";
import { hasMessage, type Locale, type MessageKey, type Translate } from "../i18n/dictionary";
import { formatDateTime, formatLocalDate } from "../i18n/format";
import { agendaKindKey, auditActionKey, auditEntityKey, closureKindKey, statusKey } from "../i18n/keys";
import { isAuditAction, isAuditEntity } from "./actions";
import type { AuditNames } from "./names";

interface AuditEventLike {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface DescribeContext {
  t: Translate;
  locale: Locale;
  /** Instants in the before/after values are shown in this zone (the host's). */
  timeZone: string;
  names: AuditNames;
}

interface ChangeLine {
  field: string;
  before?: string;
  after?: string;
}

export interface EventDescription {
  actor: string;
  action: string;
  entity: string;
  entityName?: string;
  /** Changed fields, in plain words. */
  changes: ChangeLine[];
  /** Changed fields with no name for people (counted only). */
  hiddenChanges: number;
  kind: "created" | "removed" | "changed";
}

const LABELS: Record<string, MessageKey> = {
  public: "audit.actor.public",
  system: "audit.actor.system",
  cli: "audit.actor.cli",
};

export function actorText(e: Pick<AuditEventLike, "actorId" | "actorLabel">, c: DescribeContext): string {
  if (e.actorId) {
    const name = c.names.users.get(e.actorId) ?? c.t("audit.actor.unknownUser");
    const token = /via API token "(.*)" \(/.exec(e.actorLabel)?.[1];
    return token ? c.t("audit.actor.viaToken", { name, token }) : name;
  }
  const key = LABELS[e.actorLabel];
  return key ? c.t(key) : e.actorLabel;
}

function actionText(action: string, t: Translate): string {
  return t(isAuditAction(action) ? auditActionKey(action) : "audit.action.unknown");
}

function entityText(entityType: string, t: Translate): string {
  return isAuditEntity(entityType) ? t(auditEntityKey(entityType)) : t("audit.action.unknown");
}

/** Fields that say nothing to a reader: ids, row versions and bookkeeping. */
const TECHNICAL =
  /^(id|version|createdAt|updatedAt|calendarUid|sequence|local|letterFile|tokenHash|passwordHash)$|Ids?$/;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function statusText(value: string, t: Translate): string | undefined {
  if ((DELEGATION_STATUSES as readonly string[]).includes(value)) {
    return t(statusKey(value as (typeof DELEGATION_STATUSES)[number]));
  }
  if ((COMMITMENT_STATUSES as readonly string[]).includes(value)) {
    const key = `commitments.status.${value}`;
    if (hasMessage(key)) return t(key);
  }
  return undefined;
}

function kindText(value: string, t: Translate): string | undefined {
  if (isAgendaKind(value)) return t(agendaKindKey(value));
  if (isClosureKind(value)) return t(closureKindKey(value));
  return undefined;
}

/** One value in words; long texts are shortened. */
function valueText(field: string, value: unknown, c: DescribeContext): string {
  const { t } = c;
  if (value === null || value === undefined || value === "") return t("audit.empty.value");
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (field === "status") return statusText(value, t) ?? t("audit.changedValue");
    if (field === "kind") return kindText(value, t) ?? t("audit.changedValue");
    const roleKey = `role.${value}`;
    if (field === "role" && hasMessage(roleKey)) return t(roleKey);
    if (ISO_INSTANT.test(value)) return formatDateTime(new Date(value), c.locale, c.timeZone);
    if (ISO_DATE.test(value)) return formatLocalDate(value, c.locale);
    return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  if (typeof value === "object" && "start" in value && typeof value.start === "string") {
    const range = value as { start: string; end?: string };
    const start = ISO_DATE.test(range.start) ? formatLocalDate(range.start, c.locale) : range.start;
    const end =
      range.end && range.end !== range.start && ISO_DATE.test(range.end)
        ? formatLocalDate(range.end, c.locale)
        : undefined;
    return end ? `${start} – ${end}` : start;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.length > 0 ? value.join(", ") : t("audit.empty.value");
  }
  return t("audit.changedValue");
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function describeEvent(e: AuditEventLike, c: DescribeContext): EventDescription {
  const before = asRecord(e.before);
  const after = asRecord(e.after);
  const kind = !before && after ? "created" : before && !after ? "removed" : "changed";
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (f) => !TECHNICAL.test(f),
  );
  const changes: ChangeLine[] = [];
  let hiddenChanges = 0;
  for (const field of fields) {
    const b = before?.[field];
    const a = after?.[field];
    // Missing, null and "" all read "empty": a change between them is no change to a reader.
    const same = (x: unknown) => JSON.stringify(x === undefined || x === "" ? null : x);
    if (kind === "changed" && same(b) === same(a)) continue;
    const key = `audit.field.${field}`;
    if (!hasMessage(key)) {
      hiddenChanges += 1;
      continue;
    }
    changes.push({
      field: c.t(key),
      before: kind === "created" ? undefined : valueText(field, b, c),
      after: kind === "removed" ? undefined : valueText(field, a, c),
    });
  }
  return {
    actor: actorText(e, c),
    action: actionText(e.action, c.t),
    entity: entityText(e.entityType, c.t),
    entityName: c.names.records.get(`${e.entityType}:${e.entityId}`),
    changes,
    hiddenChanges,
    kind,
  };
}

/** The summary as one line of text (the CSV export, the delegation timeline). */
export function summaryText(d: EventDescription, t: Translate): string {
  const parts = d.changes.map((ch) =>
    ch.before !== undefined && ch.after !== undefined
      ? `${ch.field}: ${ch.before} → ${ch.after}`
      : `${ch.field}: ${ch.after ?? ch.before}`,
  );
  if (d.hiddenChanges > 0 && parts.length > 0) parts.push(t("audit.otherFields", { count: d.hiddenChanges }));
  return parts.join("; ");
}
