/**
 * @module Workflow notices to a delegation's contact person — request received, dates proposed, confirmed,
 * declined, cancelled — and the host briefing when a host is booked. Other services call
 * `enqueueNotice(tx, notice)` INSIDE their own write transaction, so the notice commits (or rolls back)
 * together with the change it announces. Each notice is in the delegation's language.
 *
 * Usage (delegations service):
 *   await db.writeTransaction(async (tx) => {
 *     …insert the delegation…
 *     await enqueueNotice(tx, { kind: "request_received", delegationId, statusUrl, now, baseUrl });
 *   });
 * `autoNotices = false` on the delegation silences `request_received` (reminders are silenced in the job).
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { loadItems, loadParticipants } from "../agenda/load-agenda";
import { itemTitle } from "../calendar/agenda-events";
import { invitationCalendar } from "../calendar/invitation";
import { getHostSettings } from "../host-settings/service";
import type { Locale } from "../i18n/dictionary";
import { composeMail, dateRangeText, frame, itemWhen, itemWhenShort, itemWhere } from "./compose";
import { cleanHeaderText, isSafeAddress } from "./header-safety";
import { enqueueMessage } from "./outbox";
import { officeSignatureOf } from "./signature";
import { snapshotOf } from "./snapshot";

export interface NoticeContext {
  now: Date;
  /** BASE_URL, for links and the Message-ID host. */
  baseUrl: string;
}

export type DelegationNotice =
  | { kind: "request_received"; delegationId: string; statusUrl?: string }
  | { kind: "dates_proposed"; delegationId: string; statusUrl?: string }
  | { kind: "confirmed"; delegationId: string; itineraryUrl?: string; statusUrl?: string }
  | { kind: "declined" | "cancelled"; delegationId: string; reason?: string | null; statusUrl?: string };

export type HostNotice = {
  kind: "host_briefing";
  itemId: string;
  hostId: string;
  organizer: { name: string; email: string };
  /** HOST_TIME_ZONE: the item's times are given in it when it has no venue. */
  hostTimeZone: string;
};

export type Notice = (DelegationNotice | HostNotice) & NoticeContext;

/** Enqueues one notice in the caller's transaction; returns how many messages were queued (0 when deduped). */
export async function enqueueNotice(tx: Queryable, notice: Notice): Promise<number> {
  if (notice.kind === "host_briefing") return enqueueHostBriefing(tx, notice);
  const d = await tx.query.delegations.findFirst({ where: eq(delegations.id, notice.delegationId) });
  if (!d) throw new Error(`enqueueNotice: no delegation ${notice.delegationId}`);
  if (notice.kind === "request_received" && !d.autoNotices) return 0;
  if (!isSafeAddress(d.contactEmail.trim())) return 0;
  const locale: Locale = d.language;
  const code = d.code;
  const institution = cleanHeaderText(d.institution);
  const subjectKey = {
    request_received: "mail.received.subject",
    dates_proposed: "mail.proposed.subject",
    confirmed: "mail.confirmed.subject",
    declined: "mail.declined.subject",
    cancelled: "mail.cancelled.subject",
  } as const;
  const base = frame(locale, "", d.contactName, officeSignatureOf(await getHostSettings(tx)));
  const { t } = base;
  const subject = t(subjectKey[notice.kind], { code, institution });
  const content = { ...base, heading: subject };
  const facts: [string, string][] = [
    [t("mail.code"), code],
    [t("mail.institution"), d.institution],
  ];
  switch (notice.kind) {
    case "request_received":
      content.paragraphs = [t("mail.received.intro", { institution, code }), t("mail.received.track")];
      facts.push(
        [t("mail.dates"), dateRangeText(d.preferredDates, locale)],
        [t("mail.size"), String(d.expectedSize)],
      );
      if (notice.statusUrl) content.link = { label: t("mail.statusLink"), url: notice.statusUrl };
      break;
    case "dates_proposed":
      content.paragraphs = [t("mail.proposed.intro", { institution }), t("mail.proposed.ask")];
      content.list = {
        title: t("mail.dates"),
        lines: (d.proposedDates ?? []).map((r) => dateRangeText(r, locale)),
      };
      if (d.publicMessage) content.paragraphs.push(d.publicMessage);
      if (notice.statusUrl) content.link = { label: t("mail.statusLink"), url: notice.statusUrl };
      break;
    case "confirmed":
      content.paragraphs = [t("mail.confirmed.intro", { institution })];
      if (d.confirmedDates) facts.push([t("mail.dates"), dateRangeText(d.confirmedDates, locale)]);
      facts.push([t("mail.size"), String(d.expectedSize)]);
      if (d.publicMessage) content.paragraphs.push(d.publicMessage);
      if (notice.itineraryUrl) content.link = { label: t("mail.itineraryLink"), url: notice.itineraryUrl };
      else if (notice.statusUrl) content.link = { label: t("mail.statusLink"), url: notice.statusUrl };
      break;
    case "declined":
    case "cancelled": {
      content.paragraphs = [
        t(notice.kind === "declined" ? "mail.declined.intro" : "mail.cancelled.intro", { institution, code }),
      ];
      const reason = notice.reason ?? d.publicMessage;
      if (reason?.trim()) facts.push([t("mail.reason"), reason.trim()]);
      if (notice.statusUrl) content.link = { label: t("mail.statusLink"), url: notice.statusUrl };
      break;
    }
  }
  content.facts = facts;
  const composed = await composeMail(subject, content);
  const id = await enqueueMessage(tx, notice, {
    kind: notice.kind,
    delegationId: d.id,
    // Received is once per delegation; the others once per delegation version (a re-proposal is news).
    sequence: notice.kind === "request_received" ? 0 : d.version,
    locale,
    to: { name: d.contactName, email: d.contactEmail },
    ...composed,
  });
  return id ? 1 : 0;
}

/**
 * The briefing a host gets when booked on an item: who is coming, how many, topics, special needs, and a
 * calendar REQUEST for the item (so later updates and cancellations reach the host's calendar too).
 */
async function enqueueHostBriefing(tx: Queryable, notice: HostNotice & NoticeContext): Promise<number> {
  const [item] = await loadItems(tx, [notice.itemId], notice.hostTimeZone);
  const host = item?.hosts.find((h) => h.id === notice.hostId);
  if (!item || !host?.email || !isSafeAddress(host.email.trim()) || item.status !== "scheduled") return 0;
  const link = await tx
    .select({ delegationId: agendaItemDelegations.delegationId })
    .from(agendaItemDelegations)
    .where(eq(agendaItemDelegations.itemId, item.id));
  let queued = 0;
  for (const { delegationId } of link) {
    const d = await tx.query.delegations.findFirst({ where: eq(delegations.id, delegationId) });
    if (!d || d.status === "cancelled" || d.status === "declined") continue;
    const locale: Locale = "id";
    const base = frame(locale, "", host.name, officeSignatureOf(await getHostSettings(tx)));
    const { t } = base;
    const subject = t("mail.briefing.subject", {
      title: itemTitle(item, locale),
      when: itemWhenShort(item, locale),
    });
    const roster = await loadParticipants(tx, d.id);
    const needs = roster.filter((p) => p.needs?.trim()).map((p) => `${p.name}: ${p.needs?.trim()}`);
    const composed = await composeMail(subject, {
      ...base,
      heading: subject,
      paragraphs: [t("mail.briefing.intro", { institution: d.institution, code: d.code })],
      facts: [
        [t("mail.when"), itemWhen(item, locale)],
        [t("mail.where"), itemWhere(item, t)],
        [t("mail.institution"), d.institution],
        [t("mail.leader"), `${d.leaderName}, ${d.leaderTitle}`],
        [t("mail.size"), String(d.expectedSize)],
        [t("mail.purpose"), d.purpose],
        [t("mail.briefing.topics"), d.topics.join(", ")],
        [t("mail.contact"), `${d.contactName} (${d.contactPhone})`],
      ],
      list: { title: t("mail.briefing.needs"), lines: needs },
    });
    const calendar = invitationCalendar({
      delegation: { code: d.code, institution: d.institution, status: d.status },
      item,
      organizer: notice.organizer,
      attendees: [{ name: host.name, email: host.email.trim(), role: "REQ-PARTICIPANT" }],
      method: "REQUEST",
      now: notice.now,
      locale,
    });
    const id = await enqueueMessage(tx, notice, {
      kind: "host_briefing",
      delegationId: d.id,
      itemId: item.id,
      sequence: calendar.sequence,
      locale,
      to: { name: host.name, email: host.email },
      ...composed,
      calendar: { method: "REQUEST", sequence: calendar.sequence, uid: calendar.uid, content: calendar.body },
      itemSnapshot: snapshotOf(item),
    });
    if (id) queued += 1;
  }
  return queued;
}
