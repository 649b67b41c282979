/**
 * @module A small structured logger writing one JSON line per event to the console (Node and Workers).
 */
import type { Logger } from "./http/context";

export function consoleLogger(): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  return {
    info: (message, fields) => console.log(line("info", message, fields)),
    error: (message, fields) => console.error(line("error", message, fields)),
  };
}
