/**
 * @module Typed key builders: the catalogue key of an enum value (a status, a kind, a weekday), checked by
 * the compiler against the catalogues, so no `as MessageKey` cast can hide a missing message. Views and
 * services write `t(statusKey(d.status))`, never a template string of their own.
 */
import type { AGENDA_KINDS } from "../../db/schema/agenda";
import type { CLOSURE_KINDS, closures } from "../../db/schema/closures";
import { DELEGATION_STATUSES, type DelegationStatus, type delegations } from "../../db/schema/delegations";
import type { NoticeKind } from "../../db/schema/outbox";
import type { CommitmentParty, CommitmentStatus } from "../../db/schema/outcomes";
import type { AuditAction, AuditEntity } from "../audit/actions";
import type { SORTS } from "../delegations/queries";
import type { ErrorCode } from "../http/errors";
import type { MailState } from "../mail/delivery-state";
import type { ConflictKind, Weekday } from "../scheduling/types";
import type { RangeProblem } from "../venues/weekly-hours";
import type { Locale, MessageKey } from "./dictionary";

type AgendaKind = (typeof AGENDA_KINDS)[number];
type ClosureKind = (typeof CLOSURE_KINDS)[number];
type ClosureSource = (typeof closures.$inferSelect)["source"];
type DelegationSource = (typeof delegations.$inferSelect)["source"];

export const statusKey = (status: DelegationStatus): MessageKey => `delegationStatus.${status}`;
export const delegationSourceKey = (source: DelegationSource): MessageKey => `delegations.source.${source}`;
export const agendaKindKey = (kind: AgendaKind): MessageKey => `agenda.kind.${kind}`;
export const conflictKindKey = (kind: ConflictKind): MessageKey => `conflictKind.${kind}`;
export const weekdayKey = (day: Weekday | `${Weekday}`): MessageKey => `scheduling.weekday.${day}`;
export const isWeekday = (n: number): n is Weekday => Number.isInteger(n) && n >= 1 && n <= 7;
export const closureKindKey = (kind: ClosureKind): MessageKey => `closures.kind.${kind}`;
export const closureSourceKey = (source: ClosureSource): MessageKey => `closures.source.${source}`;
export const delegationSortKey = (sort: (typeof SORTS)[number]): MessageKey => `delegations.sort.${sort}`;
export const hoursProblemKey = (problem: RangeProblem): MessageKey => `scheduling.hours.${problem}`;
export const languageKey = (locale: Locale): MessageKey => `lang.${locale}`;
export const errorKey = (code: ErrorCode): MessageKey => `error.${code}`;

/** Narrows a status read back from stored JSON (an audit entry) before it is translated. */
export const isDelegationStatus = (value: unknown): value is DelegationStatus =>
  (DELEGATION_STATUSES as readonly unknown[]).includes(value);

/** The translated name of an audit action (every code in `AUDIT_ACTIONS` has one). */
export const auditActionKey = (action: AuditAction): MessageKey => `audit.action.${action}`;
export const auditEntityKey = (entity: AuditEntity): MessageKey => `audit.entity.${entity}`;
export const mailStateKey = (state: MailState): MessageKey => `mail.status.${state}`;
export const commitmentStatusKey = (status: CommitmentStatus): MessageKey => `commitments.status.${status}`;
export const commitmentPartyKey = (party: CommitmentParty): MessageKey => `commitments.party.${party}`;
export const noticeKindKey = (kind: NoticeKind): MessageKey => `mail.kind.${kind}`;
