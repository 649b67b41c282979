/**
 * @module The itinerary as plain, display-ready data, shared by the phone page and the PDF: days in the
 * host's local dates, each item's time with its zone label and, when the visitors' home province is in
 * another zone, their home time beside it ("09.00–10.30 WIB (10.00–11.30 WITA)"). Pure.
 */
import type { AgendaChange } from "../../db/schema/sharing";
import type { AgendaDelegation, AgendaEntry } from "../agenda/load-agenda";
import { itemNotes, itemTitle } from "../calendar/agenda-events";
import type { Translate } from "../i18n/dictionary";
import { formatDate, formatDateTime, formatTime } from "../i18n/format";
import { provinceTimeZone } from "../regions/regions";
import { localDateOf, zoneLabel } from "../scheduling/zoned-time";
import { describeChange } from "./change-text";
import type { HostContactView } from "./host-contact";
import { phoneInText, whatsappUrl } from "./whatsapp";

type Locale = "id" | "en";

export interface ContactView {
  name: string;
  role: string;
  phone: string;
  whatsappUrl: string | null;
}

export interface ItemView {
  id: string;
  title: string;
  kind: string;
  time: string;
  homeTime: string | null;
  cancelled: boolean;
  venue: { name: string; address: string; mapUrl: string | null } | null;
  dressCode: string | null;
  personInCharge: string | null;
  personInChargeWhatsapp: string | null;
  hosts: { name: string; title: string }[];
  notes: string | null;
}

export interface DayView {
  date: string;
  label: string;
  items: ItemView[];
}

export interface ItineraryView {
  locale: Locale;
  code: string;
  institution: string;
  leader: string;
  withdrawn: "cancelled" | "declined" | null;
  homeZoneLabel: string | null;
  days: DayView[];
  contacts: ContactView[];
  changes: string[];
  changesAt: string | null;
  revision: number;
  /** The host's protocol contact (host settings), shown on every itinerary, withdrawn ones too. */
  host: HostContactView | null;
}

export interface ItineraryInput {
  delegation: AgendaDelegation;
  items: readonly AgendaEntry[];
  revision: { revision: number; changes: readonly AgendaChange[]; createdAt: Date } | null;
  organizer: { name: string; phone?: string };
  /** The host's protocol contact; mails that sign with it themselves may leave it out. */
  host?: HostContactView;
  locale: Locale;
  t: Translate;
  /** HOST_TIME_ZONE: dates the revision when the agenda has no item to take a zone from. */
  hostTimeZone: string;
}

function timeRange(item: AgendaEntry, locale: Locale, timeZone: string): string {
  const start = formatTime(item.startsAt, locale, timeZone, false);
  return `${start}–${formatTime(item.endsAt, locale, timeZone, true)}`;
}

export function buildItineraryView(input: ItineraryInput): ItineraryView {
  const { delegation, locale, t } = input;
  const withdrawn =
    delegation.status === "cancelled" || delegation.status === "declined" ? delegation.status : null;
  const homeZone = delegation.provinceCode ? provinceTimeZone(delegation.provinceCode) : undefined;
  let showsHomeZone = false;

  const days = new Map<string, DayView>();
  for (const item of withdrawn ? [] : input.items) {
    const date = localDateOf(item.startsAt.getTime(), item.timeZone);
    let day = days.get(date);
    if (!day) {
      day = { date, label: formatDate(item.startsAt, locale, item.timeZone), items: [] };
      days.set(date, day);
    }
    const at = item.startsAt.getTime();
    const differentHome = homeZone !== undefined && zoneLabel(homeZone, at) !== zoneLabel(item.timeZone, at);
    if (differentHome) showsHomeZone = true;
    const pic = item.personInCharge?.trim() || null;
    day.items.push({
      id: item.id,
      title: itemTitle(item, locale),
      kind: item.kind,
      time: timeRange(item, locale, item.timeZone),
      homeTime: differentHome && homeZone ? timeRange(item, locale, homeZone) : null,
      cancelled: item.status === "cancelled",
      venue: item.venue
        ? { name: item.venue.name, address: item.venue.address, mapUrl: item.venue.mapUrl }
        : null,
      dressCode: item.dressCode?.trim() || null,
      personInCharge: pic,
      personInChargeWhatsapp: whatsappUrl(phoneInText(pic)),
      hosts: item.hosts.map((h) => ({ name: h.name, title: h.title })),
      notes: itemNotes(item, locale),
    });
  }

  const contacts: ContactView[] = [];
  const seen = new Set<string>();
  const addContact = (name: string, role: string, phone: string | null | undefined) => {
    const url = whatsappUrl(phone);
    if (!phone || !url || seen.has(url)) return;
    seen.add(url);
    contacts.push({ name, role, phone, whatsappUrl: url });
  };
  addContact(input.organizer.name, t("itinerary.protocolOffice"), input.organizer.phone);
  if (!withdrawn) {
    for (const item of input.items) {
      if (item.status === "cancelled") continue;
      const pic = item.personInCharge?.trim();
      const phone = phoneInText(pic);
      if (pic && phone)
        addContact(
          pic
            .replace(phone, "")
            .replace(/[()\s,;:-]+$/g, "")
            .trim() || pic,
          t("itinerary.personInCharge"),
          phone,
        );
      for (const h of item.hosts) addContact(h.name, h.title, h.phone);
    }
  }

  const changes = withdrawn ? [] : (input.revision?.changes ?? []).map((c) => describeChange(c, t, locale));
  const firstZone = input.items[0]?.timeZone ?? input.hostTimeZone;
  return {
    locale,
    code: delegation.code,
    institution: delegation.institution,
    leader: t("itinerary.leader", { name: delegation.leaderName, title: delegation.leaderTitle }),
    withdrawn,
    homeZoneLabel: showsHomeZone && homeZone ? zoneLabel(homeZone, 0) : null,
    days: [...days.values()],
    contacts,
    changes,
    changesAt:
      changes.length > 0 && input.revision
        ? formatDateTime(input.revision.createdAt, locale, firstZone)
        : null,
    revision: input.revision?.revision ?? 0,
    host: input.host ?? null,
  };
}
