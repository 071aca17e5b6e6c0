import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { codedError } from "./errors";

/**
 * The header by which the gateway tells a subgraph how many milliseconds it will wait for the
 * answer (counted from when the subgraph receives the request: no clock is shared).
 */
export const DEADLINE_HEADER = "x-deadline-ms";

/** The longest wait a caller may announce; more is read as this (a day is no deadline). */
const LONGEST_WAIT_MS = 10 * 60_000;

/** The instant (epoch ms) after which nobody waits for this request, or undefined when the caller gave none. */
export function deadlineFrom(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get(DEADLINE_HEADER);
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return now + Math.min(Number(value), LONGEST_WAIT_MS);
}

interface DeadlineContext {
  deadline?: number;
}

/**
 * Wraps every resolver of the schema so that a request whose caller has stopped waiting stops
 * here: the fields not started yet (the PDF of the next invoice, the next batch of a loader) are
 * not computed for nobody. A field already running finishes; the database bounds its statements.
 */
export function enforceDeadline(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx: DeadlineContext, info) => {
        if (ctx.deadline !== undefined && Date.now() >= ctx.deadline) {
          throw codedError("DEADLINE_EXCEEDED", "The caller has stopped waiting for this request: its deadline has passed");
        }
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
