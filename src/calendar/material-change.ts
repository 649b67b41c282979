/**
 * @module When an agenda change must reach attendees' calendars as an update.
 *
 * RFC 5546 clients only replace their copy of an event when SEQUENCE rises, and treat an update with the
 * same SEQUENCE as a no-op or a conflict. Sambang's rule: SEQUENCE rises by exactly one on every *material*
 * change — start, end, venue/location, title or status — and only then. Notes, dress code, person in
 * charge and hosts are not material: they refresh the feed (new version, new ETag) without asking every
 * attendee to re-accept.
 */

/** The fields of an agenda item that decide materiality; callers may pass the whole item. */
export interface MaterialFields {
  start: Date;
  end: Date;
  title: string;
  status: string;
  venueId?: string | null;
  /** The text written to LOCATION (venue name + address), when it can change without the venue id. */
  location?: string | null;
}

function sameInstant(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

function sameOptional(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** True iff start, end, venue, location, title or status differ. */
export function isMaterialChange(before: MaterialFields, after: MaterialFields): boolean {
  return (
    !sameInstant(before.start, after.start) ||
    !sameInstant(before.end, after.end) ||
    before.title !== after.title ||
    before.status !== after.status ||
    !sameOptional(before.venueId, after.venueId) ||
    !sameOptional(before.location, after.location)
  );
}

/** `prevSequence + 1` after a material change, else `prevSequence` unchanged. */
export function nextSequence(prevSequence: number, before: MaterialFields, after: MaterialFields): number {
  if (!Number.isSafeInteger(prevSequence) || prevSequence < 0) {
    throw new Error(`calendar: sequence must be a non-negative integer, got ${prevSequence}`);
  }
  return isMaterialChange(before, after) ? prevSequence + 1 : prevSequence;
}
