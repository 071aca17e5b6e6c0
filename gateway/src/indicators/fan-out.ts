import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type ObjectTypeDefinitionNode,
} from "graphql";
import type { GatewayContext } from "../context";

/** A field of `Cooperative` the indicators ask for, under the name its answer takes. */
export interface CooperativeField {
  alias: string;
  /** The field's name in the schema. */
  name: string;
  /** What follows the name: its arguments and selection, as GraphQL text (`(from: $from) { a b }`). */
  rest: string;
}

/** One call to one subgraph of a cooperative, through the gateway's sharded data source of that subgraph. */
export type SubgraphCall = (
  subgraph: string,
  call: { request: { query: string; variables: Record<string, unknown> }; context: GatewayContext },
) => Promise<GatewayGraphQLResponse>;

export type FanOutAnswer = { data: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };

/** Where a field of the cooperative is resolved, and what it needs from other subgraphs first (`@requires`). */
interface Owner {
  subgraph: string;
  /** The `@requires` selection, parsed: fields of other subgraphs to hand over in the representation. */
  requires: readonly FieldNode[];
}

/** The calls of one question: those without `@requires` at once, then those that need their answers. */
interface Plan {
  waves: Call[][];
}

interface Call {
  subgraph: string;
  /** The asked fields it answers, by alias. */
  fields: string[];
  /** The fields other calls require, selected as they require them (printed). */
  required: string[];
  /** The required fields its representation carries, from the earlier wave's answers. */
  requires: string[];
}

/**
 * The network indicators' questions to one cooperative, sent straight to its subgraphs as the
 * query planner would send them (`_entities` fetches of its `Cooperative`, the fields that
 * `@requires` others after those), through the gateway's sharded data sources: the same routing,
 * deadlines, availability and errors as a planned fetch. Through the gateway's own executor each
 * cooperative's answer was also shaped field by field and merged, the largest share of the
 * fan-out's CPU (docs/benchmarks.md); here each subgraph's answer is taken as it is.
 *
 * Where each field is resolved, and what it requires, is read from the supergraph: the
 * subgraphs' schemas stay the only place that says it.
 */
export class CooperativeFanOut {
  private readonly owners = new Map<string, Owner>();
  private readonly plans = new Map<string, Plan>();

  constructor(
    supergraphSdl: string,
    private readonly call: SubgraphCall,
  ) {
    const document = parse(supergraphSdl);
    const graphs = graphNames(document);
    const cooperative = document.definitions.find(
      (definition): definition is ObjectTypeDefinitionNode =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === "Cooperative",
    );
    for (const field of cooperative?.fields ?? []) {
      const owning = (field.directives ?? []).find(
        (directive) => directive.name.value === "join__field" && !argument(directive, "external"),
      );
      const graph = owning && argument(owning, "graph");
      if (!owning || typeof graph !== "string" || !graphs.has(graph)) continue;
      const requires = argument(owning, "requires");
      this.owners.set(field.name.value, {
        subgraph: graphs.get(graph)!,
        requires: typeof requires === "string" ? requiredFields(requires) : [],
      });
    }
  }

  /**
   * The fields of one cooperative, each subgraph asked once per wave. `variables` are the
   * operation's, with their types (`{ from: ["Date!", "2026-01-01"] }`); each call declares those
   * its fields use. Any error, or an entity missing, leaves `data` null. The answer holds the
   * asked fields only: what one field required of another subgraph stays in transit.
   */
  async ask(
    cooperativeId: string,
    fields: readonly CooperativeField[],
    variables: Record<string, readonly [type: string, value: unknown]>,
    context: GatewayContext,
  ): Promise<FanOutAnswer> {
    const plan = this.planOf(fields);
    const byAlias = new Map(fields.map((field) => [field.alias, field]));
    const entity: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    for (const wave of plan.waves) {
      const answers = await Promise.all(
        wave.map(async ({ subgraph, fields: aliases, required, requires }) => {
          const body = [...aliases.map((alias) => `${alias}: ${byAlias.get(alias)!.name}${byAlias.get(alias)!.rest}`), ...required].join(
            " ",
          );
          const used = Object.entries(variables).filter(([name]) => new RegExp(`\\$${name}\\b`).test(body));
          const definitions = ["$representations: [_Any!]!", ...used.map(([name, [type]]) => `$${name}: ${type}`)].join(", ");
          const representation: Record<string, unknown> = { __typename: "Cooperative", id: cooperativeId };
          for (const name of requires) representation[name] = entity[name];
          const query = `query (${definitions}) { _entities(representations: $representations) { ... on Cooperative { ${body} } } }`;
          const values = Object.fromEntries(used.map(([name, [, value]]) => [name, value]));
          return this.call(subgraph, { request: { query, variables: { ...values, representations: [representation] } }, context });
        }),
      );
      for (const answer of answers) {
        errors.push(...(answer.errors ?? []));
        const received = (answer.data?._entities as unknown[] | undefined)?.[0];
        if (typeof received === "object" && received !== null) Object.assign(entity, received);
        else if (!answer.errors?.length) errors.push({ message: "The cooperative's subgraph answered without its entity" });
      }
      if (errors.length > 0) return { data: null, errors };
    }
    return { data: Object.fromEntries(fields.map((field) => [field.alias, entity[field.alias]])) };
  }

  /** Each set of fields planned once: which subgraph answers which, in which wave. */
  private planOf(fields: readonly CooperativeField[]): Plan {
    const key = fields.map((field) => `${field.alias}:${field.name}`).join(" ");
    let plan = this.plans.get(key);
    if (plan) return plan;
    const first = new Map<string, Call>();
    const second = new Map<string, Call>();
    const group = (waves: typeof first, subgraph: string) => {
      let entry = waves.get(subgraph);
      if (!entry) waves.set(subgraph, (entry = { subgraph, fields: [], required: [], requires: [] }));
      return entry;
    };
    for (const field of fields) {
      const owner = this.owners.get(field.name);
      if (!owner) throw new Error(`The supergraph does not say which subgraph resolves Cooperative.${field.name}`);
      if (owner.requires.length === 0) {
        group(first, owner.subgraph).fields.push(field.alias);
        continue;
      }
      const entry = group(second, owner.subgraph);
      entry.fields.push(field.alias);
      for (const required of owner.requires) {
        const source = this.owners.get(required.name.value);
        if (!source || source.requires.length > 0)
          throw new Error(`Cooperative.${field.name} requires ${required.name.value}, which no subgraph resolves without requirements`);
        // Selected under its own name, as the representation carries it.
        const text = print(required);
        if (!group(first, source.subgraph).required.includes(text)) group(first, source.subgraph).required.push(text);
        if (!entry.requires.includes(required.name.value)) entry.requires.push(required.name.value);
      }
    }
    plan = { waves: [[...first.values()], [...second.values()]].filter((calls) => calls.length > 0) };
    this.plans.set(key, plan);
    return plan;
  }
}

/** The fields a `@requires` selection names (`a { b } c`), each with its own selection. */
function requiredFields(selection: string): FieldNode[] {
  const [operation] = parse(`{ ${selection} }`).definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.filter((node): node is FieldNode => node.kind === Kind.FIELD);
}

/** The supergraph's graphs: enum value (`MEMBERS`) → subgraph name (`members`). */
function graphNames(document: DocumentNode): Map<string, string> {
  const graphs = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const name = graph && argument(graph, "name");
      if (typeof name === "string") graphs.set(value.name.value, name);
    }
  }
  return graphs;
}

/** A directive's literal argument: an enum's name, a string, a boolean. */
function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}
