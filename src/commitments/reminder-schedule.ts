/**
 * @module When a commitment's owner is reminded (pure). Steps, by local date in the host zone:
 *
 *   `before-7`   seven days before the target date
 *   `due`        on the target date
 *   `overdue-N`  every seven days after it (N = 1, 2, …) while the commitment is still open or in progress
 *
 * At any moment only the latest step that has come is due; an earlier one that was missed (the server was
 * down, or the commitment was created late — even already past due) is not sent on top of it. Each step
 * has its own dedupe key in the outbox, so running the job again, after a restart or on two runners at
 * once, never sends a step twice. Steps start at `REMINDER_HOUR` local time.
 */
import { addDays, dayNumberOf } from "../scheduling/zoned-time";

export const REMINDER_HOUR = "08:00";
export const DAYS_BEFORE = 7;
const OVERDUE_EVERY_DAYS = 7;

type ReminderStep = "before-7" | "due" | `overdue-${number}`;

/** The step due on local date `today` for a commitment due on `targetDate`, or null (nothing yet). */
export function currentReminderStep(targetDate: string, today: string): ReminderStep | null {
  const daysLate = dayNumberOf(today) - dayNumberOf(targetDate);
  if (daysLate < -DAYS_BEFORE) return null;
  if (daysLate < 0) return "before-7";
  if (daysLate < OVERDUE_EVERY_DAYS) return "due";
  return `overdue-${Math.floor(daysLate / OVERDUE_EVERY_DAYS)}`;
}

/** The local date a step starts on (for display and tests). */
export function stepDate(targetDate: string, step: ReminderStep): string {
  if (step === "before-7") return addDays(targetDate, -DAYS_BEFORE);
  if (step === "due") return targetDate;
  return addDays(targetDate, Number(step.slice("overdue-".length)) * OVERDUE_EVERY_DAYS);
}
