/**
 * @module Shared pieces of every notice: the translator for the recipient's language, the greeting and
 * signature, date and time lines with zone labels, and rendering one `EmailContent` to text + HTML.
 */

import { type EmailContent, renderEmailHtml, renderEmailText } from "../../views/emails/email";
import type { AgendaEntry } from "../agenda/load-agenda";
import { itemTitle } from "../calendar/agenda-events";
import { type Locale, type Translate, translator } from "../i18n/dictionary";
import { formatDate, formatLocalDate, formatTime, INTL_LOCALE } from "../i18n/format";
import { provinceTimeZone } from "../regions/regions";
import { zoneLabel } from "../scheduling/index";
import { type OfficeSignature, signatureLines } from "./signature";

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export async function composeMail(subject: string, content: EmailContent): Promise<ComposedMail> {
  return { subject, text: renderEmailText(content), html: await renderEmailHtml(content) };
}

/**
 * The frame of a notice in `locale`; callers fill paragraphs, facts, programme and link. With the host
 * settings' `office`, the signature names the office, its address and how to reach it.
 */
export function frame(
  locale: Locale,
  heading: string,
  name: string,
  office?: OfficeSignature,
): EmailContent & { t: Translate } {
  const t = translator(locale);
  const [signature, ...signatureMore] = office ? signatureLines(office, t) : [t("mail.signature")];
  return {
    t,
    lang: locale,
    heading,
    greeting: t("mail.greeting", { name }),
    paragraphs: [],
    closing: t("mail.closing"),
    signature: signature ?? t("mail.signature"),
    signatureLines: signatureMore,
    footer: t("mail.autoNote"),
  };
}

/** The visitors' home zone (from their province) or undefined when unknown. */
export function homeZoneOf(provinceCode: string | null | undefined): string | undefined {
  return provinceCode ? provinceTimeZone(provinceCode) : undefined;
}

/**
 * The visitors' home time beside the venue's, " (10.00–11.30 WITA)", when their zone reads differently;
 * empty otherwise. `end` is left out for a single instant.
 */
export function homeTimeSuffix(
  item: { startsAt: Date; endsAt?: Date; timeZone: string },
  locale: Locale,
  homeZone: string | undefined,
): string {
  if (!homeZone) return "";
  const at = item.startsAt.getTime();
  if (zoneLabel(homeZone, at) === zoneLabel(item.timeZone, at)) return "";
  const start = formatTime(item.startsAt, locale, homeZone, !item.endsAt);
  return item.endsAt ? ` (${start}–${formatTime(item.endsAt, locale, homeZone, true)})` : ` (${start})`;
}

/** "Selasa, 3 Maret 2026, 09.00–10.30 WIB", with " (10.00–11.30 WITA)" for visitors from another zone. */
export function itemWhen(
  item: Pick<AgendaEntry, "startsAt" | "endsAt" | "timeZone">,
  locale: Locale,
  homeZone?: string,
): string {
  const date = formatDate(item.startsAt, locale, item.timeZone);
  const start = formatTime(item.startsAt, locale, item.timeZone, false);
  return `${date}, ${start}–${formatTime(item.endsAt, locale, item.timeZone, true)}${homeTimeSuffix(item, locale, homeZone)}`;
}

/** Short form for subjects: "3 Mar 2026 09.00 WIB" (+ " (10.00 WITA)" for visitors from another zone). */
export function itemWhenShort(
  item: Pick<AgendaEntry, "startsAt" | "timeZone">,
  locale: Locale,
  homeZone?: string,
): string {
  const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: item.timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  return `${f.format(item.startsAt)} ${formatTime(item.startsAt, locale, item.timeZone, true)}${homeTimeSuffix({ startsAt: item.startsAt, timeZone: item.timeZone }, locale, homeZone)}`;
}

export function itemWhere(item: Pick<AgendaEntry, "venue">, t: Translate): string {
  return item.venue ? `${item.venue.name}, ${item.venue.address}` : t("mail.noVenue");
}

export function programmeRows(
  items: readonly AgendaEntry[],
  locale: Locale,
  t: Translate,
  homeZone?: string,
) {
  return items.map((item) => ({
    when: itemWhen(item, locale, homeZone),
    title: itemTitle(item, locale),
    where: itemWhere(item, t),
  }));
}

/** "3–5 Maret 2026"-style range text from local dates. */
export function dateRangeText(range: { start: string; end: string }, locale: Locale): string {
  const start = formatLocalDate(range.start, locale);
  return range.end === range.start ? start : `${start} – ${formatLocalDate(range.end, locale)}`;
}

/** Base64 of bytes without Buffer (runtime-neutral). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
