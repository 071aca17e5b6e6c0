import type { AuthChecker } from "type-graphql";
import { forbidden } from "../errors";
import type { Caller, Role } from "./caller";

/**
 * type-graphql's check for `@Authorized(...roles)`: a field or mutation the caller's role may not
 * use is refused with FORBIDDEN naming it, field by field, so the rest of the answer stands.
 */
export const roleChecker: AuthChecker<{ caller: Caller }, Role> = ({ context, info }, roles) => {
  if (roles.includes(context.caller.role)) return true;
  throw forbidden(`${info.parentType.name}.${info.fieldName} is not open to ${context.caller.role}`);
};
