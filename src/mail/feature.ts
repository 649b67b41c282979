/**
 * @module The mail feature: the outbox (page and API), a delegation's invitations (page and API) and the
 * preview of mails written as files when no SMTP server is configured.
 */
import type { Feature } from "../http/feature";
import { invitationPages } from "./invitation-pages";
import { invitationsApi } from "./invitations-api";
import { outboxApi } from "./outbox-api";
import { outboxPages } from "./outbox-pages";
import { mailPreviewPages } from "./preview-pages";

export const mailFeature: Feature = {
  name: "mail",
  routes: [
    { prefix: "/admin/outbox", app: outboxPages },
    { prefix: "/api/v1/outbox", app: outboxApi },
    { prefix: "/delegations/:id/invitations", app: invitationPages },
    { prefix: "/api/v1/delegations/:id/invitations", app: invitationsApi },
    { prefix: "/mail/preview", app: mailPreviewPages },
  ],
};
