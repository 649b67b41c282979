/**
 * @module Who may do what. Routes declare the roles they accept; admins may do everything.
 */
import type { Role } from "../../db/schema/auth";

export { ROLES, type Role } from "../../db/schema/auth";

/** Role groups used across features, so a route reads as intent. */
export const STAFF: readonly Role[] = ["admin", "protocol", "humas", "viewer"];
export const PROTOCOL: readonly Role[] = ["admin", "protocol"];
export const HUMAS: readonly Role[] = ["admin", "humas"];
/** Who records what a visit achieved: outcomes, attendance (check-in), commitments, completing a visit. */
export const FOLLOW_UP: readonly Role[] = ["admin", "protocol", "humas"];
export const ADMIN: readonly Role[] = ["admin"];

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
