/**
 * @module The agenda feature: a delegation's agenda builder (/delegations/{id}/agenda) and its printable
 * rundown (/delegations/{id}/rundown). Agenda items themselves are booked by the bookings feature.
 */
import type { Feature } from "../http/feature";
import { agendaPages } from "./pages";
import { rundownPages } from "./rundown-pages";

export const agendaFeature: Feature = {
  name: "agenda",
  routes: [
    { prefix: "/delegations/:id/agenda", app: agendaPages },
    { prefix: "/delegations/:id/rundown", app: rundownPages },
  ],
};
