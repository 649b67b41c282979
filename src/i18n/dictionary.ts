/**
 * @module The merged id/en dictionary and the translator. Bahasa Indonesia is the default language.
 * Add a feature's catalogue from `messages/` to `catalogues` below.
 */
import { LOCALES, type Locale } from "../../db/schema/auth";
import { agendaMessages } from "./messages/agenda";
import { auditMessages } from "./messages/audit";
import { auth } from "./messages/auth";
import { closuresMessages } from "./messages/closures";
import { common } from "./messages/common";
import { delegationsMessages } from "./messages/delegations";
import { humasMessages } from "./messages/humas";
import { itinerary } from "./messages/itinerary";
import { journeyMessages } from "./messages/journey";
import { mail } from "./messages/mail";
import { resultsMessages } from "./messages/results";
import { scheduling } from "./messages/scheduling";
import { security } from "./messages/security";
import { shareMessages } from "./messages/share";
import { uiMessages } from "./messages/ui";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "id";

const catalogues = [
  common,
  agendaMessages,
  auth,
  auditMessages,
  closuresMessages,
  delegationsMessages,
  humasMessages,
  itinerary,
  journeyMessages,
  scheduling,
  mail,
  resultsMessages,
  security,
  shareMessages,
  uiMessages,
] as const;

type KeysOf<C> = C extends { id: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof catalogues)[number]>;
/**
 * A parameter that is itself a message, translated in the same language as the message it fills (a status
 * name, a kind): build it with `messageRef(key)`, so a raw enum value never reaches a reader.
 */
interface MessageRef {
  readonly messageKey: MessageKey;
}
export type Params = Record<string, string | number | MessageRef>;
export type Translate = (key: MessageKey, params?: Params) => string;

const tables: Record<Locale, Record<string, string>> = { id: {}, en: {} };
for (const c of catalogues) {
  Object.assign(tables.id, c.id);
  Object.assign(tables.en, c.en);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function hasMessage(key: string): key is MessageKey {
  return key in tables.id;
}

export const messageRef = (messageKey: MessageKey): MessageRef => ({ messageKey });

/**
 * Interpolates `{name}` placeholders (a `MessageRef` parameter is translated first). Unknown keys return
 * the key, so a gap is visible, not fatal.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = tables[locale][key] ?? tables.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!Object.hasOwn(params, name)) return m;
    const value = params[name];
    return typeof value === "object" ? translate(locale, value.messageKey) : String(value);
  });
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The other language (the language switch links to it). */
export const otherLocale = (locale: Locale): Locale => (locale === "id" ? "en" : "id");

/**
 * Picks a record's own text in the reader's language: the English field when reading English and it is
 * filled, else the Indonesian one (data entered by staff, not catalogue messages).
 */
export function localized(locale: Locale, textId: string, textEn: string | null | undefined): string {
  return (locale === "en" && textEn?.trim()) || textId;
}
