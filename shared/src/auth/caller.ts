import { isCooperativeSlug, tryDecodeId } from "../ids";

/** The roles a token may carry (README, "Who may see what"). */
export const ROLES = ["ENTREPRENEUR", "COUNSELOR", "COOP_ADMIN", "NETWORK_ANALYST", "NETWORK_ADMIN", "NETWORK_SERVICE"] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to one cooperative: their token names it, and only its subgraphs answer them. */
export const COOPERATIVE_ROLES: readonly Role[] = ["ENTREPRENEUR", "COUNSELOR", "COOP_ADMIN"];
/** The cooperative's staff: they read and change their cooperative's records. */
export const STAFF: readonly Role[] = ["COUNSELOR", "COOP_ADMIN"];
/** The network's staff: aggregates under disclosure control, never an individual. */
export const NETWORK_ROLES: readonly Role[] = ["NETWORK_ANALYST", "NETWORK_ADMIN"];
/**
 * The gateway's own credential (a client-credentials token the identity provider issues to the
 * gateway): it reads a cooperative's exact aggregates to protect them before release, and the
 * subgraphs' SDL. No person, no individual record.
 */
export const NETWORK_SERVICE: Role = "NETWORK_SERVICE";

/** Who sends a request, as their verified token says. */
export type Caller =
  | { subject: string; role: "COUNSELOR" | "COOP_ADMIN"; cooperativeId: string; personId?: undefined }
  | { subject: string; role: "ENTREPRENEUR"; cooperativeId: string; personId: string }
  | { subject: string; role: "NETWORK_ANALYST" | "NETWORK_ADMIN" | "NETWORK_SERVICE"; cooperativeId?: undefined; personId?: undefined };

/** The claims of a token, as signed: `sub`, `role`, `coop` for cooperative roles, `person` for an entrepreneur. */
export interface CallerClaims {
  sub: string;
  role: Role;
  coop?: string;
  person?: string;
}

/** Reads a caller from verified claims; a reason string when the claims do not make one. */
export function callerFromClaims(claims: Record<string, unknown>): Caller | string {
  const { sub, role, coop, person } = claims;
  if (typeof sub !== "string" || sub === "") return 'the token has no subject ("sub")';
  if (typeof role !== "string" || !ROLES.includes(role as Role))
    return `the token's role ${JSON.stringify(role)} is not one of ${ROLES.join(", ")}`;
  if (role === "NETWORK_ANALYST" || role === "NETWORK_ADMIN" || role === "NETWORK_SERVICE") {
    if (coop !== undefined) return `a ${role} token must not name a cooperative`;
    return { subject: sub, role };
  }
  if (typeof coop !== "string" || !isCooperativeSlug(coop)) return `a ${role} token must name its cooperative ("coop")`;
  if (role === "ENTREPRENEUR") {
    if (typeof person !== "string" || tryDecodeId(person)?.cooperativeId !== coop) {
      return `an ENTREPRENEUR token must name their person ("person"), an ID of cooperative "${coop}"`;
    }
    return { subject: sub, role, cooperativeId: coop, personId: person };
  }
  return { subject: sub, role: role as "COUNSELOR" | "COOP_ADMIN", cooperativeId: coop };
}
