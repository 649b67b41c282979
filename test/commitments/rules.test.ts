/**
 * The commitment state machine, the reminder schedule and the visit-completion rule, as pure functions.
 */
import { describe, expect, it } from "vitest";
import { COMMITMENT_STATUSES } from "../../db/schema/outcomes";
import { currentReminderStep, stepDate } from "../../src/commitments/reminder-schedule";
import { COMMITMENT_TRANSITIONS, isOverdue, planCommitmentTransition } from "../../src/commitments/rules";
import { AppError } from "../../src/http/errors";
import { completionBlock } from "../../src/outcomes/completion";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("not refused");
};

describe("commitment transitions", () => {
  it("allows exactly open → in_progress → done, and dropping while active", () => {
    const allowed = COMMITMENT_STATUSES.flatMap((from) =>
      COMMITMENT_STATUSES.filter((to) => COMMITMENT_TRANSITIONS[from].includes(to)).map(
        (to) => `${from}→${to}`,
      ),
    );
    expect(allowed.sort()).toEqual([
      "in_progress→done",
      "in_progress→dropped",
      "open→dropped",
      "open→in_progress",
    ]);
  });

  it("refuses every other step with a conflict naming the allowed ones", () => {
    for (const from of COMMITMENT_STATUSES)
      for (const to of COMMITMENT_STATUSES) {
        if (COMMITMENT_TRANSITIONS[from].includes(to)) continue;
        const r = refusal(() =>
          planCommitmentTransition(from, { to, reason: "x", evidence: { note: "x" } }, "2026-03-02"),
        );
        expect(r.code, `${from}→${to}`).toBe("conflict");
        expect(r.details).toEqual({ from, to, allowed: COMMITMENT_TRANSITIONS[from] });
      }
  });

  it("needs evidence (a link or a note) for done, and records the completed date", () => {
    for (const evidence of [undefined, null, {}, { url: " ", note: "" }]) {
      const r = refusal(() =>
        planCommitmentTransition("in_progress", { to: "done", evidence }, "2026-03-02"),
      );
      expect(r.code).toBe("validation_failed");
      expect(r.details).toEqual({ fields: { evidence: ["commitments.evidenceRequired"] } });
    }
    expect(
      planCommitmentTransition(
        "in_progress",
        { to: "done", evidence: { url: "https://x.id/sop" } },
        "2026-03-02",
      ),
    ).toEqual({
      status: "done",
      evidenceUrl: "https://x.id/sop",
      evidenceNote: null,
      completedOn: "2026-03-02",
    });
  });

  it("needs a reason to drop", () => {
    expect(
      refusal(() => planCommitmentTransition("open", { to: "dropped", reason: "  " }, "2026-03-02")).details,
    ).toEqual({
      fields: { reason: ["commitments.reasonRequired"] },
    });
    expect(
      planCommitmentTransition("open", { to: "dropped", reason: "Anggaran dipotong" }, "2026-03-02"),
    ).toEqual({
      status: "dropped",
      dropReason: "Anggaran dipotong",
    });
  });

  it("is overdue only while active and after the target date", () => {
    expect(isOverdue({ status: "open", targetDate: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ status: "in_progress", targetDate: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ status: "open", targetDate: "2026-03-02" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ status: "done", targetDate: "2026-03-01" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ status: "dropped", targetDate: "2026-03-01" }, "2026-03-02")).toBe(false);
  });
});

describe("reminder schedule", () => {
  const target = "2026-03-20";
  it.each([
    ["2026-03-12", null],
    ["2026-03-13", "before-7"],
    ["2026-03-19", "before-7"],
    ["2026-03-20", "due"],
    ["2026-03-26", "due"],
    ["2026-03-27", "overdue-1"],
    ["2026-04-02", "overdue-1"],
    ["2026-04-03", "overdue-2"],
    ["2026-05-01", "overdue-6"],
  ])("on %s the step is %s", (today, step) => {
    expect(currentReminderStep(target, today)).toBe(step);
  });

  it("dates each step", () => {
    expect(stepDate(target, "before-7")).toBe("2026-03-13");
    expect(stepDate(target, "due")).toBe("2026-03-20");
    expect(stepDate(target, "overdue-2")).toBe("2026-04-03");
  });
});

describe("completing a visit", () => {
  const base = {
    status: "confirmed",
    confirmedDates: { start: "2026-03-16", end: "2026-03-17" },
    timeZone: "Asia/Makassar",
    hasSummary: true,
  };
  it("is refused before the last day in the venue zone, allowed from it", () => {
    // 23:30 WIB on the 16th is already 00:30 WITA on the 17th: the venue's zone decides.
    expect(
      completionBlock({ ...base, timeZone: "Asia/Jakarta", now: new Date("2026-03-16T23:30:00+07:00") }),
    ).toBe("too_early");
    expect(completionBlock({ ...base, now: new Date("2026-03-16T23:30:00+07:00") })).toBeNull();
    expect(completionBlock({ ...base, now: new Date("2026-03-16T12:00:00+08:00") })).toBe("too_early");
  });

  it("needs a summary and a confirmed visit", () => {
    const now = new Date("2026-03-18T09:00:00+07:00");
    expect(completionBlock({ ...base, hasSummary: false, now })).toBe("no_summary");
    expect(completionBlock({ ...base, status: "requested", now })).toBe("not_confirmed");
    expect(completionBlock({ ...base, status: "completed", now })).toBe("not_confirmed");
  });
});
