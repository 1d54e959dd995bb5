import { createContext, useContext } from "react";
import { describeRoles, type RouteDef, type TokenRole } from "../../../server/contracts/index.js";

/**
 * What the signed-in token may do, read from the same route table the server enforces (routes.ts `roles`), so
 * a button is hidden or disabled exactly when its request would be refused with FORBIDDEN_ROLE.
 */
export const allows = (role: TokenRole, route: RouteDef): boolean => !route.roles || route.roles.includes(role);

/** "needs the owner or editor role": said next to what a role cannot use. */
export const needs = (route: RouteDef): string => (route.roles ? `needs ${describeRoles(route.roles)}` : "");

/** The signed-in token's role; viewer (read only) outside a workspace, so nothing writable shows by mistake. */
export const TeamRoleContext = createContext<TokenRole>("viewer");

/** `can(routes.publishPack)`: whether this token's role may call the route. */
export function useCan(): (route: RouteDef) => boolean {
  const role = useContext(TeamRoleContext);
  return (route) => allows(role, route);
}
