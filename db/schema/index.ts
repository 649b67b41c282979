/**
 * @module The whole database schema, one file per domain; drizzle-kit reads this index.
 */
export * from "./agenda";
export * from "./audit";
export * from "./auth";
export * from "./closures";
export * from "./delegations";
export * from "./feedback";
export * from "./host-settings";
export * from "./outbox";
export * from "./outcomes";
export * from "./publicity";
export * from "./rate-limits";
export * from "./seed-runs";
export * from "./sharing";
export * from "./targets";
export * from "./templates";
export * from "./venues";
