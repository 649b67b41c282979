/**
 * @module The agenda page's itinerary-link forms, mounted at `/delegations/{id}/share` (protocol staff):
 * `POST /` issues a link (when live links exist, a confirm step first lists the ones it will revoke),
 * `POST /revoke` revokes them all and `POST /{linkId}/revoke` one, each after a confirm step. Every
 * success answers 303 back to the agenda page's link list.
 */
import { Hono } from "hono";
import { findAgendaDelegation } from "../agenda/load-agenda";
import { issueShareLink, listShareLinks, revokeShareLinks, type ShareLinkInfo } from "../agenda/share-links";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { prefixParam } from "../http/feature";
import { serviceContext } from "../http/service-context";
import { formatDateTime } from "../i18n/format";

async function delegationOf(c: AppContext) {
  const d = await findAgendaDelegation(c.get("deps").db.orm, prefixParam(c, "id"));
  if (!d) throw new AppError("not_found");
  return d;
}

const backTo = (id: string) => `/delegations/${id}/agenda#share-links`;

/** The links a confirm step is about, one line each: when and by whom, and the address when known. */
function LinkList({ c, links }: { c: AppContext; links: readonly ShareLinkInfo[] }) {
  const t = c.get("t");
  const zone = c.get("deps").config.hostTimeZone;
  return (
    <ul data-testid="confirm-links">
      {links.map((l) => (
        <li>
          {t(l.via === "mail" ? "share.createdByMail" : "share.createdBy", {
            at: formatDateTime(l.createdAt, c.get("locale"), zone),
            name: l.createdBy ?? t("share.someone"),
          })}
          {l.url && (
            <>
              <br />
              <span class="secret">{l.url}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function sharePages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));

  app.post("/", async (c) => {
    const d = await delegationOf(c);
    const { db, config } = c.get("deps");
    const live = await listShareLinks(db.orm, d.id, config);
    if (live.length > 0 && !(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("share.confirmReissue", { code: d.code }),
        back: backTo(d.id),
        children: <LinkList c={c} links={live} />,
      });
    }
    await issueShareLink(serviceContext(c), d.id);
    return c.redirect(backTo(d.id), 303);
  });

  app.post("/revoke", async (c) => {
    const d = await delegationOf(c);
    if (!(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("confirm.revokeLinks", { code: d.code }),
        back: backTo(d.id),
      });
    }
    await revokeShareLinks(serviceContext(c), { delegationId: d.id });
    return c.redirect(backTo(d.id), 303);
  });

  app.post("/:linkId/revoke", async (c) => {
    const d = await delegationOf(c);
    const linkId = c.req.param("linkId");
    const { db, config } = c.get("deps");
    const link = (await listShareLinks(db.orm, d.id, config)).find((l) => l.id === linkId);
    if (!link) throw new AppError("not_found");
    if (!(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("share.confirmRevokeOne", { code: d.code }),
        back: backTo(d.id),
        children: <LinkList c={c} links={[link]} />,
      });
    }
    await revokeShareLinks(serviceContext(c), { delegationId: d.id, linkId });
    return c.redirect(backTo(d.id), 303);
  });
  return app;
}
