/**
 * @module Answering with a built calendar: ETag, `Cache-Control: private, no-cache` (calendar apps
 * revalidate and get a 304 while nothing changed), an attachment name, and `text/calendar`.
 */
import type { AppContext } from "../http/context";
import { ifNoneMatch } from "./etag";
import type { IcsCacheEntry } from "./ics-cache";

export function serveCalendar(c: AppContext, entry: IcsCacheEntry, filename: string) {
  c.header("ETag", entry.etag);
  c.header("Cache-Control", "private, no-cache");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  if (ifNoneMatch(c.req.header("If-None-Match"), entry.etag)) return c.body(null, 304);
  return c.body(entry.body, 200, { "Content-Type": "text/calendar; charset=utf-8" });
}
