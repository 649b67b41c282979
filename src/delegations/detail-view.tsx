/**
 * @module The delegation detail page and the stale-edit page, rendered by the delegation pages after a
 * read or an action (with a notice or errors).
 */
import { DetailPage, type DetailProps } from "../../views/pages/delegations/detail";
import { StalePage } from "../../views/pages/delegations/stale";
import { actorText } from "../audit/describe";
import { loadAuditNames } from "../audit/names";
import { hasRole, PROTOCOL } from "../auth/roles";
import type { AppContext } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import type { MessageKey } from "../i18n/dictionary";
import { statusKey } from "../i18n/keys";
import { followUpSections } from "../outcomes/follow-up";
import { findProvince, findRegency } from "../regions/regions";
import { inputToFormValues } from "./input-schema";
import type { DelegationRow } from "./intake";
import { listParticipants } from "./participants";
import { findDuplicates, getDelegation, letterInfo, listNotes, timeline } from "./queries";
import { loadTimeline } from "./timeline-view";
import { listTopics, topicName } from "./topics";

export function originLabel(d: Pick<DelegationRow, "provinceCode" | "regencyCode">): string {
  const regency = d.regencyCode ? findRegency(d.regencyCode)?.name : undefined;
  const province = d.provinceCode ? findProvince(d.provinceCode)?.name : undefined;
  return [regency, province].filter(Boolean).join(", ") || "—";
}

export const canAct = (c: AppContext) => {
  const user = c.get("user");
  return !!user && hasRole(user.role, PROTOCOL);
};

export async function showDetail(
  c: AppContext,
  id: string,
  extra: Partial<DetailProps> = {},
  status: 200 | 400 | 409 = 200,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, id);
  const [letter, duplicates, notes, events, participants, topics] = await Promise.all([
    letterInfo(db, id),
    findDuplicates(db, d),
    listNotes(db, id),
    loadTimeline(db, id, {
      t: c.get("t"),
      locale: c.get("locale"),
      timeZone: c.get("deps").config.hostTimeZone,
    }),
    listParticipants(db, id),
    listTopics(db),
  ]);
  const locale = c.get("locale");
  const topicNames = d.topics.map((tid) => {
    const tp = topics.find((x) => x.id === tid);
    return tp ? topicName(tp, locale) : tid;
  });
  return renderPage(
    c,
    `${d.code} · ${d.institution}`,
    <DetailPage
      ctx={pageContext(c)}
      d={d}
      origin={originLabel(d)}
      topicNames={topicNames}
      letter={letter}
      duplicates={duplicates}
      notes={notes}
      events={events}
      participantCount={participants.length}
      canAct={canAct(c)}
      followUp={await followUpSections(c, d)}
      {...extra}
    />,
    status,
  );
}

/** The page for a stale edit: the current record's values next to what the user typed. */
export async function showStale(
  c: AppContext,
  id: string,
  yours: Record<string, string>,
  reloadHref: string,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, id);
  const events = await timeline(db, id);
  const last = events[events.length - 1];
  const who = last
    ? actorText(last, {
        t: c.get("t"),
        locale: c.get("locale"),
        timeZone: c.get("deps").config.hostTimeZone,
        names: await loadAuditNames(db.orm, [last]),
      })
    : "?";
  const current = inputToFormValues(d);
  const t = c.get("t");
  const fields: [string, MessageKey][] = [
    ["institution", "requests.institution"],
    ["leaderName", "requests.leaderName"],
    ["leaderTitle", "requests.leaderTitle"],
    ["purpose", "requests.purpose"],
    ["expectedSize", "requests.expectedSize"],
    ["preferredStart", "requests.preferredStart"],
    ["preferredEnd", "requests.preferredEnd"],
    ["contactName", "requests.contactName"],
    ["contactEmail", "requests.contactEmail"],
    ["contactPhone", "requests.contactPhone"],
    ["letterNumber", "requests.letterNumber"],
    ["notes", "requests.notes"],
    ["status", "field.status"],
  ];
  const rows = fields
    .filter(([k]) => k in yours || k === "status")
    .map(([k, label]) => ({
      label: t(label),
      yours: yours[k] ?? "",
      // The stored status is a code: the reader gets its name.
      current: k === "status" ? t(statusKey(d.status)) : (current[k] ?? ""),
    }));
  return renderPage(
    c,
    t("delegations.staleTitle"),
    <StalePage ctx={pageContext(c)} who={who} version={d.version} rows={rows} reloadHref={reloadHref} />,
    409,
  );
}
