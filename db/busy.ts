/**
 * @module Recognises a database that refused work for now, not for good: a libSQL server answering
 * HTTP 429 (over its concurrent-request limit), a write transaction it rolled back after holding the
 * write lock too long (TRANSACTION_TIMEOUT, 5 s on sqld while another writer waits), or SQLite's own
 * SQLITE_BUSY. In each case nothing was written; the request may simply be tried again (HTTP 503).
 */

const BUSY_CODES = new Set(["TRANSACTION_TIMEOUT", "SQLITE_BUSY"]);

export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, status, cause } = e as { code?: unknown; status?: unknown; cause?: unknown };
    if (typeof code === "string" && BUSY_CODES.has(code)) return true;
    if (status === 429) return true;
    e = cause;
  }
  return false;
}
