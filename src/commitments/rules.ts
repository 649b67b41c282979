/**
 * @module The commitment state machine and what each step needs (pure: no db, no clock).
 *
 *   open → in_progress → done      done needs evidence (a link and/or a note); records the completed date
 *   open | in_progress → dropped   needs a reason
 *
 * Anything else is refused with 409 `conflict` naming the steps allowed from the current status.
 * "Overdue" is not a status: a commitment is overdue while it is open or in progress after its target date.
 */
import type { CommitmentStatus } from "../../db/schema/outcomes";
import { AppError } from "../http/errors";

export const COMMITMENT_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  open: ["in_progress", "dropped"],
  in_progress: ["done", "dropped"],
  done: [],
  dropped: [],
};

/** Statuses that still need work (and reminders). */
export const ACTIVE_STATUSES: readonly CommitmentStatus[] = ["open", "in_progress"];

function isActive(status: CommitmentStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Overdue: still active and the target date (local) is before `today` (local). */
export function isOverdue(c: { status: CommitmentStatus; targetDate: string }, today: string): boolean {
  return isActive(c.status) && c.targetDate < today;
}

export interface TransitionRequest {
  to: CommitmentStatus;
  reason?: string | null;
  evidence?: { url?: string | null; note?: string | null } | null;
}

interface TransitionChange {
  status: CommitmentStatus;
  dropReason?: string | null;
  evidenceUrl?: string | null;
  evidenceNote?: string | null;
  completedOn?: string | null;
}

const fieldError = (field: string, key: "commitments.reasonRequired" | "commitments.evidenceRequired") =>
  new AppError("validation_failed", { messageKey: key, details: { fields: { [field]: [key] } } });

/** The change a transition makes, or an error. `today` is the local date used as the completed date. */
export function planCommitmentTransition(
  from: CommitmentStatus,
  request: TransitionRequest,
  today: string,
): TransitionChange {
  const allowed = COMMITMENT_TRANSITIONS[from];
  if (!allowed.includes(request.to)) {
    throw new AppError("conflict", {
      messageKey: "commitments.transitionRefused",
      params: { from, to: request.to, allowed: allowed.length > 0 ? allowed.join(", ") : "—" },
      details: { from, to: request.to, allowed },
    });
  }
  switch (request.to) {
    case "in_progress":
      return { status: "in_progress" };
    case "done": {
      const url = request.evidence?.url?.trim() || null;
      const note = request.evidence?.note?.trim() || null;
      if (!url && !note) throw fieldError("evidence", "commitments.evidenceRequired");
      return { status: "done", evidenceUrl: url, evidenceNote: note, completedOn: today };
    }
    case "dropped": {
      const reason = request.reason?.trim();
      if (!reason) throw fieldError("reason", "commitments.reasonRequired");
      return { status: "dropped", dropReason: reason };
    }
    case "open":
      return { status: "open" };
  }
}
