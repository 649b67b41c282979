/**
 * @module Working days and the earliest date a delegation may ask to visit.
 *
 * The rule: Saturdays, Sundays and closed dates (national holidays, *cuti bersama* — collective leave days
 * the government adds around holidays) are not working days. A visit on date V requested on local date T
 * (the host's zone) is allowed when at least N working days lie in (T, V] — strictly after today, up to and
 * including the visit day. So the earliest allowed date is the N-th working day after today: requested on
 * Friday with N = 3 and Monday a holiday, the count is Tue 1, Wed 2, Thu 3, so Thursday is the earliest and
 * Wednesday is refused. The time of day of the request does not matter; N = 0 allows today.
 */
import type { Closure, LocalDate } from "./types.js";
import { dayNumberOf, localDateOf, localDateOfDayNumber, weekdayOfDayNumber } from "./zoned-time.js";

/** Whether a local date is a working day: Monday–Friday and not a closed date. */
export function isWorkingDay(date: LocalDate, closedDates: ReadonlySet<LocalDate>): boolean {
  return weekdayOfDayNumber(dayNumberOf(date)) <= 5 && !closedDates.has(date);
}

/**
 * The `days`-th working day strictly after `date` (`days` = 0 returns `date` itself, working or not).
 * Throws on a negative or fractional count.
 */
export function addWorkingDays(input: {
  date: LocalDate;
  days: number;
  closedDates: ReadonlySet<LocalDate>;
}): LocalDate {
  const { days, closedDates } = input;
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`Working days must be a whole number ≥ 0, got ${days}`);
  let day = dayNumberOf(input.date);
  let date = input.date;
  for (let left = days; left > 0; ) {
    day++;
    date = localDateOfDayNumber(day);
    if (isWorkingDay(date, closedDates)) left--;
  }
  return date;
}

/** Inputs of the request-lead-time rule; `now` is passed in (the core never reads a clock). */
export interface RequestLeadInput {
  now: number;
  /** The host's zone, which decides what "today" is. */
  timeZone: string;
  minWorkingDays: number;
  closedDates: ReadonlySet<LocalDate>;
}

/** The first local date a visit may be requested for (see the module comment for the rule). */
export function earliestRequestDate(input: RequestLeadInput): LocalDate {
  const today = localDateOf(input.now, input.timeZone);
  return addWorkingDays({ date: today, days: input.minWorkingDays, closedDates: input.closedDates });
}

/** Whether a visit on `date` satisfies the lead-time rule (any later date, weekends included, does). */
export function isRequestDateAllowed(input: RequestLeadInput & { date: LocalDate }): boolean {
  return dayNumberOf(input.date) >= dayNumberOf(earliestRequestDate(input));
}

/** The closed dates that stop every venue (date closures without a venue), for the working-day rule. */
export function closedDatesOf(closures: readonly Closure[]): Set<LocalDate> {
  const out = new Set<LocalDate>();
  for (const c of closures) if (c.kind === "date" && c.venueId == null) out.add(c.date);
  return out;
}
