/**
 * @module One-time messages across a Post/Redirect/Get: a successful form POST answers 303 and leaves its
 * notice (and, once, a secret such as a generated password or a status link) in a short-lived HttpOnly
 * cookie; the next page that shows notices takes it and clears it, so a reload shows it no more.
 */
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppContext } from "./context";

const FLASH_COOKIE = "sambang_flash";

const flashSchema = z.object({
  notice: z.string().max(500).optional(),
  /** Shown once: a generated password, a status link. */
  secret: z.string().max(1000).optional(),
});

export type Flash = z.infer<typeof flashSchema>;

const secureOf = (c: AppContext) => c.get("deps").config.baseUrl.startsWith("https:");

/** Answers 303 to `location` (a same-site path) with `flash` waiting for the page there. */
export function redirectWithFlash(c: AppContext, location: string, flash: Flash): Response {
  setCookie(c, FLASH_COOKIE, JSON.stringify(flash), {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: secureOf(c),
    maxAge: 120,
  });
  return c.redirect(location, 303);
}

/** The waiting flash (empty when none or unreadable), cleared so it shows once. */
export function takeFlash(c: AppContext): Flash {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw === undefined) return {};
  deleteCookie(c, FLASH_COOKIE, { path: "/", secure: secureOf(c) });
  try {
    const parsed = flashSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
