import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { badUserInput, forbidden } from "../errors";
import { ROLES, STAFF, type Caller, type Role } from "./caller";

/**
 * Who may read an object of one type (or, for a field rule, a field of its parent).
 *
 * The rule is decided for the caller and the object itself, wherever the object comes from: a
 * field of another object, a list, a connection or `_entities`. A role outside `roles` never reads
 * such an object; for a role inside, `decide` (when present) looks at the object.
 */
export interface ReadRule {
  /** One line for people reading the policy or a refusal. */
  readonly summary: string;
  /** The roles that may read some objects of this kind. */
  readonly roles: readonly Role[];
  /** For a caller whose role is in `roles`: may they read this object? Absent: yes. */
  readonly decide?: (object: never, caller: Caller, ctx: never) => boolean | Promise<boolean>;
  /**
   * A part of another object (a connection, an edge, a line of an invoice): readable exactly when
   * it was reached through a field of an object the caller may read.
   */
  readonly inherited?: boolean;
}

/** The whole read policy of one subgraph: every object type, plus the fields that are narrower than their object. */
export interface AccessPolicy {
  types: Record<string, ReadRule>;
  /** `"Type.field"`: a field only some of its object's readers may use (a list of people on the cooperative). */
  fields?: Record<string, ReadRule>;
}

const ENTREPRENEUR_AND_STAFF: readonly Role[] = [...STAFF, "ENTREPRENEUR"];

/** The rules every policy is written with. */
export const rules = {
  /** Anyone with a valid token of this cooperative or of the network: the cooperative itself, its public profile. */
  open: { summary: "every caller", roles: ROLES } satisfies ReadRule,
  /** The cooperative's staff only. */
  staff: { summary: "the cooperative's staff", roles: STAFF } satisfies ReadRule,
  /** The cooperative's administrators only. */
  admins: { summary: "the cooperative's administrators", roles: ["COOP_ADMIN"] } satisfies ReadRule,
  /** The cooperative's staff and its entrepreneurs (the counselors, the partners the cooperative works with). */
  members: { summary: "the cooperative's staff and entrepreneurs", roles: ENTREPRENEUR_AND_STAFF } satisfies ReadRule,
  /**
   * A cooperative's exact aggregates: its own staff, and the gateway's own credential, which
   * protects them (disclosure control) before any network role sees a figure.
   */
  aggregates: { summary: "the cooperative's staff and the gateway's credential", roles: [...STAFF, "NETWORK_SERVICE"] } satisfies ReadRule,
  /** What only the network's gateway reads: the subgraph's SDL. */
  service: { summary: "the gateway's credential", roles: ["NETWORK_SERVICE"] } satisfies ReadRule,
  /** A part of the object it was reached from. */
  part: { summary: "whoever may read the object it belongs to", roles: ROLES, inherited: true } satisfies ReadRule,
  /**
   * An object about one or more people: the cooperative's staff, and an entrepreneur it is about.
   * `peopleOf` gives the global IDs of the people it is about (it may load them).
   */
  aboutPeople<T, C = never>(peopleOf: (object: T, ctx: C) => string | readonly string[] | Promise<string | readonly string[]>): ReadRule {
    return {
      summary: "the cooperative's staff, and the entrepreneur it is about",
      roles: ENTREPRENEUR_AND_STAFF,
      decide: ((object: T, caller: Caller, ctx: C) => {
        if (caller.role !== "ENTREPRENEUR") return true;
        const people = peopleOf(object, ctx);
        const includesCaller = (ids: string | readonly string[]) =>
          typeof ids === "string" ? ids === caller.personId : ids.includes(caller.personId);
        return people instanceof Promise ? people.then(includesCaller) : includesCaller(people);
      }) as ReadRule["decide"],
    };
  },
};

/** What the policy has decided in one request: kept on the request's context, never across requests. */
interface Decisions {
  /** Objects already decided, with the answer (a promise while a loader runs). */
  decided: WeakMap<object, boolean | Promise<boolean>>;
  /** Objects that came out of a field the caller was allowed to read: their parts are readable. */
  reached: WeakSet<object>;
}

const DECISIONS = Symbol("access decisions");
type PolicyContext = { caller: Caller; [DECISIONS]?: Decisions };

function decisionsOf(ctx: PolicyContext): Decisions {
  return (ctx[DECISIONS] ??= { decided: new WeakMap(), reached: new WeakSet() });
}

const isThenable = (value: unknown): value is Promise<unknown> =>
  typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function";

/** Built-in rules for the federation's own types, which every subgraph has. */
const FEDERATION_TYPES: Record<string, ReadRule> = { _Service: rules.part };
const FEDERATION_FIELDS: Record<string, ReadRule> = { "Query._service": rules.service };

/**
 * Applies the policy to every field of every object type of the schema, and to `_entities`.
 * Refuses to build a schema whose policy forgets a type or a list reachable without a decision,
 * so that a new type or field cannot ship without its rule.
 */
export function enforceAccessPolicy(schema: GraphQLSchema, policy: AccessPolicy): GraphQLSchema {
  const types = { ...FEDERATION_TYPES, ...policy.types };
  const fields = { ...FEDERATION_FIELDS, ...policy.fields };
  const problems: string[] = [];
  const ruleOf = (typeName: string) => types[typeName];

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    const typeRule = isRoot ? undefined : ruleOf(type.name);
    if (!isRoot && !typeRule) problems.push(`type ${type.name} has no read rule`);
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const fieldRule = fields[key];
      const target = getNamedType(field.type);
      const targetRule = isObjectType(target) ? ruleOf(target.name) : undefined;
      if (type === schema.getQueryType()) {
        if (field.name === "_entities") {
          guardEntities(field, types);
          continue;
        }
        if (!fieldRule) problems.push(`root field ${key} has no read rule`);
      } else if (type === schema.getMutationType()) {
        // Who may change what is decided by the mutation (`@Authorized` and its service); what it
        // returns is then read under the policy of its type like any other object.
      } else if (typeRule && !fieldRule && targetRule?.inherited && !typeRule.decide && !typeRule.inherited && typeRule.roles === ROLES) {
        // A part (a connection, its counts and cursors) under an object everyone reads would be
        // everyone's: such a field must say who may use it.
        problems.push(`field ${key} returns a part of ${type.name} that every caller reads: give the field a rule`);
      }
      guardField(type.name, typeRule, field, key, fieldRule, targetRule);
    }
  }
  for (const name of Object.keys(policy.types)) {
    if (!isObjectType(schema.getType(name))) problems.push(`the policy names type ${name}, which the schema does not have`);
  }
  for (const key of Object.keys(policy.fields ?? {})) {
    const [typeName, fieldName] = key.split(".");
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[fieldName]) problems.push(`the policy names field ${key}, which the schema does not have`);
  }
  if (problems.length > 0) throw new Error(`The access policy does not cover the schema:\n- ${problems.join("\n- ")}`);
  return schema;
}

function refusal(typeName: string, caller: Caller, rule: ReadRule, field?: string) {
  const what = field ? `${field}` : `This ${typeName}`;
  return forbidden(`${what} is not open to ${caller.role} (readable by ${rule.summary})`);
}

/** The decision for one object (cached for the request); a promise when the rule loads something. */
function mayRead(rule: ReadRule, object: unknown, ctx: PolicyContext): boolean | Promise<boolean> {
  if (!rule.roles.includes(ctx.caller.role)) return false;
  if (!rule.inherited && !rule.decide) return true;
  if (typeof object !== "object" || object === null) return false;
  const decisions = decisionsOf(ctx);
  if (rule.inherited) return decisions.reached.has(object);
  let decision = decisions.decided.get(object);
  if (decision === undefined) {
    decision = (rule.decide! as (object: unknown, caller: Caller, ctx: PolicyContext) => boolean | Promise<boolean>)(
      object,
      ctx.caller,
      ctx,
    );
    decisions.decided.set(object, decision);
  }
  return decision;
}

/** Marks what a field returned as reached through an allowed field (its parts become readable). */
function markReached(value: unknown, reached: WeakSet<object>): void {
  if (Array.isArray(value)) for (const item of value) markReached(item, reached);
  else if (typeof value === "object" && value !== null) reached.add(value);
}

function guardField(
  typeName: string,
  typeRule: ReadRule | undefined,
  field: GraphQLField<unknown, PolicyContext>,
  key: string,
  fieldRule: ReadRule | undefined,
  targetRule: ReadRule | undefined,
) {
  const resolve: GraphQLFieldResolver<unknown, PolicyContext> = field.resolve ?? defaultFieldResolver;
  const targetName = getNamedType(field.type).name;

  // What a field returns is decided before the executor sees it: a list keeps the items the
  // caller may read, a single object the caller may not read is refused (not even its
  // `__typename` says that it exists), and a part is marked as reached through an allowed field.
  const produce = (parent: unknown, args: Record<string, unknown>, ctx: PolicyContext, info: Parameters<typeof resolve>[3]) => {
    const result = resolve(parent, args, ctx, info);
    if (!targetRule) return result;
    const finish = (value: unknown) => {
      if (targetRule.inherited || value === null || value === undefined || value instanceof Error) {
        markReached(value, decisionsOf(ctx).reached);
        return value;
      }
      if (Array.isArray(value)) return filterReadable(value, targetRule, ctx);
      const decision = mayRead(targetRule, value, ctx);
      const admit = (allowed: boolean) => {
        if (!allowed) throw refusal(targetName, ctx.caller, targetRule);
        decisionsOf(ctx).reached.add(value as object);
        return value;
      };
      return isThenable(decision) ? decision.then(admit) : admit(decision);
    };
    return isThenable(result) ? result.then(finish) : finish(result);
  };

  /** The object's rule first, then the field's: the first refusal names what refused. */
  const refusalOf = (answers: readonly boolean[], ctx: PolicyContext) =>
    typeRule && !answers[0] ? refusal(typeName, ctx.caller, typeRule) : refusal(typeName, ctx.caller, fieldRule!, key);

  field.resolve = (parent, args, ctx, info) => {
    const decisions: Array<boolean | Promise<boolean>> = [];
    if (typeRule) decisions.push(mayRead(typeRule, parent, ctx));
    if (fieldRule) decisions.push(mayRead(fieldRule, parent, ctx));
    if (decisions.some(isThenable)) {
      return Promise.all(decisions).then((answers) => {
        if (answers.some((answer) => !answer)) throw refusalOf(answers, ctx);
        return produce(parent, args, ctx, info);
      });
    }
    if (decisions.some((decision) => !decision)) throw refusalOf(decisions as boolean[], ctx);
    return produce(parent, args, ctx, info);
  };
}

/** The items of a list the caller may read (nested lists item by item), marked as reached. */
function filterReadable(items: unknown[], rule: ReadRule, ctx: PolicyContext): unknown[] | Promise<unknown[]> {
  if (items.some(isThenable)) return Promise.all(items).then((settled) => filterReadable(settled, rule, ctx));
  if (items.some(Array.isArray)) {
    const inner = items.map((item) => (Array.isArray(item) ? filterReadable(item, rule, ctx) : item));
    return inner.some(isThenable) ? Promise.all(inner) : inner;
  }
  const decisions = items.map((item) => (item === null || item instanceof Error ? true : mayRead(rule, item, ctx)));
  const keep = (answers: boolean[]) => {
    const kept = items.filter((_, index) => answers[index]);
    markReached(kept, decisionsOf(ctx).reached);
    return kept;
  };
  return decisions.some(isThenable) ? Promise.all(decisions).then(keep) : keep(decisions as boolean[]);
}

/**
 * `_entities`: a representation of a type the caller's role never reads is refused without being
 * looked up (no existence oracle); a found object is decided like any other.
 */
function guardEntities(field: GraphQLField<unknown, PolicyContext>, types: Record<string, ReadRule>) {
  const resolve = field.resolve!;
  field.resolve = (parent, args: { representations: Array<{ __typename: string }> }, ctx, info) => {
    const representations = args.representations;
    const results: unknown[] = new Array(representations.length);
    const asked: number[] = [];
    representations.forEach((representation, index) => {
      const rule = types[representation.__typename];
      if (!rule) {
        // Refused at its own position, as the input error it is (federation's own error would fail the whole list).
        const field = `representations.${index}.__typename`;
        results[index] = badUserInput(`No entity type "${String(representation.__typename)}" in this subgraph`, field);
      } else if (rule.inherited || !rule.roles.includes(ctx.caller.role)) {
        results[index] = refusal(representation.__typename, ctx.caller, rule);
      } else asked.push(index);
    });
    const found =
      asked.length > 0 ? resolve(parent, { ...args, representations: asked.map((index) => representations[index]) }, ctx, info) : [];
    return Promise.resolve(found).then((entities) =>
      Promise.all(
        (entities as unknown[]).map(async (entity, position) => {
          const index = asked[position];
          // One representation's error (a person this cooperative does not have) stays at its own position.
          const value = await Promise.resolve(entity).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          );
          const typeName = representations[index].__typename;
          if (value === null || value === undefined || value instanceof Error) return (results[index] = value);
          if (!(await mayRead(types[typeName], value, ctx))) return (results[index] = refusal(typeName, ctx.caller, types[typeName]));
          decisionsOf(ctx).reached.add(value as object);
          return (results[index] = value);
        }),
      ).then(() => results),
    );
  };
}
