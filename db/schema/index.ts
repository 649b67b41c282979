/**
 * @module The whole database schema, one file per domain; drizzle-kit reads this index.
 */
export * from "./audit";
export * from "./auth";
export * from "./rate-limits";
