/**
 * @module Taking in a visit request (public form, public API, or staff recording a letter or a phone
 * call): the rules that need the clock and the database, then one write transaction that numbers the
 * request (SB-YYYY-NNNN, sequential per year), stores it with its letter file and the HASH of a fresh
 * 256-bit status token, and audits it. The token itself is returned once and never stored. A public form's
 * submission key makes a repeated submit find the first request (see submission-key.ts).
 *
 * NOTE: the lead-time rule counts working days in the host's zone (WIB) against the closures table; staff
 * recording a request are exempt from it (a letter may arrive late), but not from "dates in the future".
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { delegationSequences, delegations, letterFiles, topics } from "../../db/schema/delegations";
import { newId, randomSecret, sha256Hex } from "../auth/encoding";
import { closedDatesBetween } from "../closures/service";
import type { ServiceContext } from "../http/service-context";
import type { FieldErrors } from "../http/validate";
import { type Locale, translate } from "../i18n/dictionary";
import { formatLocalDate } from "../i18n/format";
import { enqueueNotice } from "../mail/notices";
import { addDays, earliestRequestDate, localDateOf } from "../scheduling/index";
import type { DelegationInput } from "./input-schema";
import type { LetterUpload } from "./letter-file";
import { statusTokenOf, submissionKeyHash } from "./submission-key";

export type DelegationRow = typeof delegations.$inferSelect;

interface IntakeRules {
  now: Date;
  locale: Locale;
  minWorkingDays: number;
  /** The host's zone (HOST_TIME_ZONE): "today" and working days are counted in it. */
  hostTimeZone: string;
  /** False for staff recording a request: the lead time is then not enforced. */
  leadTime: boolean;
}

/** The host's "today" (in the host's zone) and the earliest date a visitor may ask for. */
export async function leadTimeInfo(db: Db, now: Date, minWorkingDays: number, hostTimeZone: string) {
  const today = localDateOf(now.getTime(), hostTimeZone);
  const closed = await closedDatesBetween(db, today, addDays(today, 400));
  const earliest = earliestRequestDate({
    now: now.getTime(),
    timeZone: hostTimeZone,
    minWorkingDays,
    closedDates: closed,
  });
  return { today, earliest };
}

/** Checks dates against today and the lead time, the letter date, and topics; errors by API path. */
export async function checkIntakeRules(
  db: Db,
  input: Pick<DelegationInput, "preferredDates" | "alternativeDates" | "topics" | "letterDate">,
  rules: IntakeRules,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (path: string, text: string) => {
    errors[path] = [...(errors[path] ?? []), text];
  };
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(rules.locale, key, params);
  const { today, earliest } = await leadTimeInfo(db, rules.now, rules.minWorkingDays, rules.hostTimeZone);
  const ranges = [
    ["preferredDates.start", input.preferredDates],
    ...input.alternativeDates.map((r, i) => [`alternativeDates.${i}.start`, r] as const),
  ] as const;
  for (const [path, range] of ranges) {
    if (range.start <= today) add(path, t("requests.dateInPast"));
    else if (rules.leadTime && range.start < earliest)
      add(
        path,
        t("requests.tooSoon", { date: formatLocalDate(earliest, rules.locale), days: rules.minWorkingDays }),
      );
  }
  if (input.letterDate && input.letterDate > today) add("letterDate", t("requests.letterDateFuture"));
  const active = new Set(
    (await db.orm.select({ id: topics.id }).from(topics).where(eq(topics.active, true)).all()).map(
      (r) => r.id,
    ),
  );
  for (const topic of input.topics)
    if (!active.has(topic)) add("topics", t("requests.topicInvalid", { topic }));
  return errors;
}

const formatCode = (year: number, n: number) => `SB-${year}-${String(n).padStart(4, "0")}`;

interface CreatedDelegation {
  delegation: DelegationRow;
  /** The status-link token, returned once. */
  token: string;
  /** True when the same form had already been submitted: `delegation` is that first request. */
  repeated?: boolean;
}

/** Stores a checked request. Call `checkIntakeRules` first. */
export async function createDelegation(
  ctx: Pick<ServiceContext, "now" | "transaction"> & {
    notifyBaseUrl?: string;
    config: { hostTimeZone: string };
  },
  input: DelegationInput,
  options: { source: DelegationRow["source"]; letter?: LetterUpload | null; submissionKey?: string },
): Promise<CreatedDelegation> {
  const key = options.submissionKey;
  const token = key ? await statusTokenOf(key) : randomSecret(32);
  const tokenHash = await sha256Hex(token);
  const keyHash = key ? await submissionKeyHash(key) : null;
  const year = Number(localDateOf(ctx.now.getTime(), ctx.config.hostTimeZone).slice(0, 4));
  const { website: _honeypot, ...fields } = input;
  return ctx.transaction(async (tx, audit) => {
    if (keyHash) {
      const first = await tx
        .select()
        .from(delegations)
        .where(eq(delegations.submissionKeyHash, keyHash))
        .get();
      if (first) return { delegation: first, token, repeated: true };
    }
    const seq = await tx
      .insert(delegationSequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: delegationSequences.year,
        set: { last: sql`${delegationSequences.last} + 1` },
      })
      .returning({ last: delegationSequences.last })
      .get();
    const row: DelegationRow = {
      id: newId(),
      code: formatCode(year, seq.last),
      status: "requested",
      ...fields,
      proposedDates: null,
      confirmedDates: null,
      arrivalAt: null,
      departureAt: null,
      publicMessage: null,
      statusTokenHash: tokenHash,
      submissionKeyHash: keyHash,
      autoNotices: true,
      source: options.source,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.insert(delegations).values(row);
    if (options.letter) {
      await tx.insert(letterFiles).values({
        delegationId: row.id,
        fileName: options.letter.fileName,
        contentType: options.letter.contentType,
        size: options.letter.data.length,
        data: options.letter.data,
        createdAt: ctx.now,
      });
    }
    await audit("delegation.create", { type: "delegation", id: row.id }, undefined, {
      ...publicFields(row),
      letterFile: options.letter ? { name: options.letter.fileName, size: options.letter.data.length } : null,
    });
    if (ctx.notifyBaseUrl) {
      const statusUrl = statusUrlOf(ctx.notifyBaseUrl, row.code, token);
      await enqueueNotice(tx, {
        kind: "request_received",
        delegationId: row.id,
        statusUrl,
        now: ctx.now,
        baseUrl: ctx.notifyBaseUrl,
      });
    }
    return { delegation: row, token };
  });
}

/** A delegation without its secret token hash, for the audit log and the API. */
export function publicFields(row: DelegationRow) {
  const { statusTokenHash: _secret, submissionKeyHash: _key, ...rest } = row;
  return rest;
}

/** The delegation behind a status link, or null: a wrong code or token is indistinguishable. */
export async function findByStatusToken(db: Db, code: string, token: string): Promise<DelegationRow | null> {
  if (!token || token.length > 200 || code.length > 40) return null;
  const hash = await sha256Hex(token);
  const row = await db.orm
    .select()
    .from(delegations)
    .where(and(eq(delegations.code, code), eq(delegations.statusTokenHash, hash)))
    .get();
  return row ?? null;
}

export const statusPathOf = (code: string, token: string) =>
  `/kunjungan/status/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`;

export const statusUrlOf = (baseUrl: string, code: string, token: string) =>
  `${baseUrl}${statusPathOf(code, token)}`;
