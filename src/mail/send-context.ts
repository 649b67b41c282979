/**
 * @module The invitations' send context of a request: the service context plus what mail needs from the
 * configuration (base URL, organizer, host zone) and the request's translator (field errors).
 */
import { linkSecretOf } from "../config";
import type { AppContext } from "../http/context";
import { serviceContext } from "../http/service-context";
import type { SendContext } from "./invitations";

export function sendContextOf(c: AppContext): SendContext {
  const s = serviceContext(c);
  const { config } = s;
  return {
    db: s.db,
    now: s.now,
    actor: s.actor,
    baseUrl: config.baseUrl,
    linkSecret: linkSecretOf(config),
    hostTimeZone: config.hostTimeZone,
    organizer: { name: config.organizerName, email: config.organizerEmail, phone: config.organizerPhone },
    t: c.get("t"),
  };
}
