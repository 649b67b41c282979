/**
 * @module Chooses the request language: `?lang=` first (links in mails carry it), then the signed-in
 * user's preference, then the browser's cookie, then Bahasa Indonesia.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DEFAULT_LOCALE, isLocale, type Locale, translator } from "../i18n/dictionary";
import type { AppContext, AppEnv } from "./context";

export const LOCALE_COOKIE = "sambang_lang";

export function resolveLocale(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fromQuery = c.req.query("lang");
    const fromCookie = getCookie(c, LOCALE_COOKIE);
    const locale: Locale = isLocale(fromQuery)
      ? fromQuery
      : (c.get("user")?.locale ?? (isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE));
    setLocale(c, locale);
    return next();
  };
}

export function setLocale(c: AppContext, locale: Locale) {
  c.set("locale", locale);
  c.set("t", translator(locale));
}

export function rememberLocale(c: AppContext, locale: Locale, secure: boolean) {
  setCookie(c, LOCALE_COOKIE, locale, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: 365 * 24 * 3600,
  });
}
