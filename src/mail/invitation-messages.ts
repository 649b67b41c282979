/**
 * @module Composes the messages of "send invitations" from a plan: per session and recipient the mail with
 * its one calendar (REQUEST, raised-SEQUENCE REQUEST, or CANCEL), and the itinerary mail (the link, the
 * PDF, the subscribe link and one PUBLISH calendar of every session). Pure composition — no database: it
 * runs before the write transaction that enqueues its result, because rendering mails, calendars and the
 * PDF takes far longer than a write lock may be held.
 */
import { itemTitle } from "../calendar/agenda-events";
import { delegationCalendar } from "../calendar/delegation-calendar";
import { invitationCalendar } from "../calendar/invitation";
import type { CalendarAttendee } from "../calendar/types";
import { type Locale, translator } from "../i18n/dictionary";
import { itineraryPdf } from "../itinerary/pdf";
import { buildItineraryView } from "../itinerary/view-model";
import {
  composeMail,
  frame,
  homeZoneOf,
  itemWhen,
  itemWhenShort,
  itemWhere,
  programmeRows,
  toBase64,
} from "./compose";
import type { Mailbox } from "./header-safety";
import type { InvitationPlan, ItemPlan } from "./invitations";
import type { NewOutboxMessage } from "./outbox";
import type { OfficeSignature } from "./signature";
import { changeLines, snapshotOf } from "./snapshot";

export interface ComposeContext {
  now: Date;
  hostTimeZone: string;
  organizer: { name: string; email: string; phone?: string };
  /** The host settings' office: the mails' signature. */
  office?: OfficeSignature;
}

export type OfficeContext = ComposeContext;

const KIND_OF = { invite: "invitation", update: "update", withdraw: "withdrawal" } as const;

/** One message per recipient of a pending item (none for an item with nothing to send). */
export async function composeItemMessages(
  ctx: ComposeContext,
  plan: InvitationPlan,
  p: ItemPlan,
  link: string | undefined,
): Promise<NewOutboxMessage[]> {
  if (p.action === "none") return [];
  const kind = KIND_OF[p.action];
  const method = p.action === "withdraw" ? "CANCEL" : "REQUEST";
  const attendees: CalendarAttendee[] = p.recipients.map((r) => ({ name: r.name, email: r.email }));
  const messages: NewOutboxMessage[] = [];
  const homeZone = homeZoneOf(plan.agenda.delegation.provinceCode);
  for (const r of p.recipients) {
    const calendar = invitationCalendar({
      delegation: {
        code: plan.delegation.code,
        institution: plan.delegation.institution,
        status: plan.delegation.status as never,
      },
      item: p.item,
      organizer: { name: ctx.organizer.name, email: ctx.organizer.email },
      attendees,
      method,
      now: ctx.now,
      locale: r.locale,
      url: link,
    });
    const base = frame(r.locale, "", r.name, ctx.office);
    const { t } = base;
    const vars = {
      title: itemTitle(p.item, r.locale),
      when: itemWhenShort(p.item, r.locale, homeZone),
      institution: plan.delegation.institution,
      code: plan.delegation.code,
    };
    const subject = t(`mail.${kind}.subject`, vars);
    const changes =
      p.action === "update" && p.last?.snapshot
        ? changeLines(p.last.snapshot, p.item, r.locale, t, homeZone)
        : [];
    const composed = await composeMail(subject, {
      ...base,
      heading: subject,
      paragraphs: [t(`mail.${kind}.intro`, vars)],
      facts: [
        [t("mail.when"), itemWhen(p.item, r.locale, homeZone)],
        [t("mail.where"), itemWhere(p.item, t)],
        [t("mail.code"), plan.delegation.code],
      ],
      list:
        p.action === "update"
          ? {
              title: t("mail.update.changed"),
              lines: changes.length > 0 ? changes : [t("mail.update.other")],
            }
          : undefined,
      link: link && p.action !== "withdraw" ? { label: t("mail.itineraryLink"), url: link } : undefined,
    });
    messages.push({
      kind,
      delegationId: plan.delegation.id,
      itemId: p.item.id,
      sequence: calendar.sequence,
      locale: r.locale,
      to: r,
      ...composed,
      calendar: { method, sequence: calendar.sequence, uid: calendar.uid, content: calendar.body },
      itemSnapshot: snapshotOf(p.item),
    });
  }
  return messages;
}

/** The attachment names of the itinerary mail (the preview lists them). */
export function bundleFileNames(code: string) {
  return { pdf: `itinerary-${code}.pdf`, ics: `itinerary-${code}.ics` };
}

/**
 * The itinerary mail in `locale`: its PDF and calendar file are built once, then `mailTo` frames it for
 * each recipient. The calendar holds every live session and every cancelled one someone was told about.
 */
export async function composeBundle(ctx: ComposeContext, plan: InvitationPlan, link: string, locale: Locale) {
  const { agenda } = plan;
  const live = agenda.items.filter((i) => i.status === "scheduled");
  const t = translator(locale);
  const view = buildItineraryView({
    delegation: agenda.delegation,
    items: agenda.items,
    revision: null,
    organizer: {
      name: ctx.office?.officeName ?? ctx.organizer.name,
      phone: ctx.office?.phone ?? ctx.organizer.phone,
    },
    locale,
    t,
    hostTimeZone: ctx.hostTimeZone,
  });
  const pdf = await itineraryPdf({ view, url: link, t, now: ctx.now });
  const told = new Set(plan.items.filter((p) => p.recipients.length > 0).map((p) => p.item.id));
  const ics = delegationCalendar({
    delegation: {
      code: plan.delegation.code,
      institution: plan.delegation.institution,
      status: plan.delegation.status as never,
    },
    items: agenda.items.filter((i) => i.status === "scheduled" || told.has(i.id)),
    locale,
    now: ctx.now,
    url: link,
  });
  const names = bundleFileNames(plan.delegation.code);
  const attachments = [
    { filename: names.pdf, contentType: "application/pdf", contentBase64: toBase64(pdf) },
    {
      filename: names.ics,
      contentType: "text/calendar; charset=utf-8",
      contentBase64: toBase64(new TextEncoder().encode(ics)),
    },
  ];
  const subject = t("mail.itinerary.subject", { code: plan.delegation.code });
  const rows = programmeRows(live, locale, t, homeZoneOf(agenda.delegation.provinceCode));
  return {
    async mailTo(to: Mailbox & { locale: Locale }): Promise<NewOutboxMessage> {
      const base = frame(locale, "", to.name, ctx.office);
      const composed = await composeMail(subject, {
        ...base,
        heading: subject,
        paragraphs: [
          t("mail.itinerary.intro", { institution: plan.delegation.institution }),
          t("mail.itinerary.files"),
          t("mail.itinerary.subscribe", { url: `${link}/calendar.ics` }),
        ],
        programme: { title: t("mail.rundown"), rows },
        link: { label: t("mail.itineraryLink"), url: link },
      });
      return {
        kind: "itinerary",
        delegationId: plan.delegation.id,
        locale,
        to,
        ...composed,
        attachments,
      };
    },
  };
}
