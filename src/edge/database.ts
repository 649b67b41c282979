/**
 * @module The database handle of one Worker request: `@libsql/client/web` (HTTP, no Node built-ins)
 * wrapped like the Node client. Interactive write transactions work over HTTP (`BEGIN IMMEDIATE` on the
 * server), so the booking service keeps its check-and-insert guarantee.
 *
 * NOTE: build one per request, never one per isolate. workerd cancels a promise continuation that crosses
 * requests, and the handle's writer queue is such a promise: a handle shared by concurrent requests hangs.
 */
import { createClient } from "@libsql/client/web";
import { type Db, wrapClient } from "../../db/client";
import type { Config } from "../config";

export function openWebDatabase(config: Pick<Config, "databaseUrl" | "databaseAuthToken">): Db {
  return wrapClient(createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken }));
}
