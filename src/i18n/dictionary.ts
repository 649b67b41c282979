/**
 * @module The merged id/en dictionary and the translator. Bahasa Indonesia is the default language.
 * Add a feature's catalogue from `messages/` to `catalogues` below.
 */
import { LOCALES, type Locale } from "../../db/schema/auth";
import { auth } from "./messages/auth";
import { closuresMessages } from "./messages/closures";
import { common } from "./messages/common";
import { delegationsMessages } from "./messages/delegations";
import { humasMessages } from "./messages/humas";
import { itinerary } from "./messages/itinerary";
import { mail } from "./messages/mail";
import { resultsMessages } from "./messages/results";
import { scheduling } from "./messages/scheduling";
import { security } from "./messages/security";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "id";

const catalogues = [
  common,
  auth,
  closuresMessages,
  delegationsMessages,
  humasMessages,
  itinerary,
  scheduling,
  mail,
  resultsMessages,
  security,
] as const;

type KeysOf<C> = C extends { id: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof catalogues)[number]>;
export type Params = Record<string, string | number>;
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

/** Interpolates `{name}` placeholders. Unknown keys return the key, so a gap is visible, not fatal. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = tables[locale][key] ?? tables.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
