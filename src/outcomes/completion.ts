/**
 * @module When a visit may be marked completed (pure). A visit is completed once it has happened: from its
 * last confirmed day, in the venue's zone (the zone of the venue of its last agenda item, or the host's
 * default zone when nothing is booked), and only with an outcome summary written. Used by the humas
 * "complete visit" step and by the delegation lifecycle's confirmed → completed transition alike.
 */
import type { DateRange } from "../../db/schema/delegations";
import { AppError } from "../http/errors";
import { localDateOf } from "../scheduling/zoned-time";

export interface CompletionFacts {
  status: string;
  confirmedDates: DateRange | null;
  /** IANA zone of the visit's venue. */
  timeZone: string;
  hasSummary: boolean;
  now: Date;
}

export type CompletionBlock = "not_confirmed" | "too_early" | "no_summary";

/** Why the visit cannot be completed yet, or null when it can. */
export function completionBlock(f: CompletionFacts): CompletionBlock | null {
  if (f.status !== "confirmed" || !f.confirmedDates) return "not_confirmed";
  if (localDateOf(f.now.getTime(), f.timeZone) < f.confirmedDates.end) return "too_early";
  if (!f.hasSummary) return "no_summary";
  return null;
}

/** Throws the matching error when the visit cannot be completed. */
export function assertCompletable(f: CompletionFacts): void {
  const block = completionBlock(f);
  if (block === "not_confirmed")
    throw new AppError("conflict", {
      messageKey: "outcomes.completeNotConfirmed",
      details: { reason: block, status: f.status },
    });
  if (block === "too_early")
    throw new AppError("conflict", {
      messageKey: "outcomes.completeTooEarly",
      params: { date: f.confirmedDates?.end ?? "" },
      details: { reason: block, lastDay: f.confirmedDates?.end, timeZone: f.timeZone },
    });
  if (block === "no_summary")
    throw new AppError("conflict", {
      messageKey: "outcomes.completeNoSummary",
      details: { reason: block, fields: { summary: ["outcomes.completeNoSummary"] } },
    });
}
