/**
 * @module The booking service context of a request: the service context plus the host briefing settings
 * (newly booked hosts get a briefing mail). Used by every route that books, moves or cancels items.
 */
import { organizerOf } from "../calendar/invitation";
import type { AppContext } from "../http/context";
import { serviceContext } from "../http/service-context";
import type { BookingCtx } from "./service";

export function bookingContext(c: AppContext): BookingCtx {
  const ctx = serviceContext(c);
  return { ...ctx, notify: { baseUrl: ctx.config.baseUrl, organizer: organizerOf(ctx.config) } };
}
