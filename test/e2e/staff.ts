/**
 * @module Helpers for the staff journeys in the browser tests: a staff account on the running app, and
 * full-page screenshots saved to a folder when one is named (nothing is written otherwise).
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Role } from "../../db/schema/auth";
import { auditedTransaction } from "../../src/http/service-context";
import { createUser } from "../../src/users/service";
import type { RunningApp } from "./browser";

export async function addStaff(
  server: RunningApp,
  user: { email: string; password: string; name: string; role: Role },
): Promise<void> {
  const now = new Date();
  await createUser(
    {
      passwords: server.passwords,
      now,
      transaction: auditedTransaction(server.db, { id: null, label: "e2e" }, now),
    },
    { ...user, locale: "id" },
  );
}

/** `shot(page, name)` saves `<dir>/<name>.png` when `dir` is set. */
export function screenshotter(dir: string | undefined) {
  return async (page: Page, name: string) => {
    if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };
}
