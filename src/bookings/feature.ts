/**
 * @module The bookings feature: booking, moving, cancelling and joining agenda items (API), the free-slot
 * search (API and the /availability page).
 */
import type { Feature } from "../http/feature";
import { agendaItemsApi, availabilityApi, delegationAgendaApi } from "./api";
import { availabilityPages } from "./availability-page";

export const bookingsFeature: Feature = {
  name: "bookings",
  routes: [
    { prefix: "/availability", app: availabilityPages },
    { prefix: "/api/v1/delegations/:id/agenda", app: delegationAgendaApi },
    { prefix: "/api/v1/agenda", app: agendaItemsApi },
    { prefix: "/api/v1/availability", app: availabilityApi },
  ],
};
