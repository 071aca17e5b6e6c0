/**
 * Walking a schema for the access tests: selections generated from the schema itself (every field,
 * every object field entered to a depth), and what an answer holds (its objects with their type,
 * its strings), for rules that judge it.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isRequiredArgument,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";

export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/**
 * The value given to a required argument: dates of the demo year (a period `from`/`to` is the whole
 * calendar year 2026, which a report's period may be and the walks' records cover), an ID of the
 * type the field returns.
 */
function argumentValue(arg: GraphQLArgument, field: GraphQLField<unknown, unknown>, idsOf: (type: string) => string[]): unknown {
  const type = getNamedType(arg.type);
  if (type.name === "Date") return arg.name === "to" ? "2026-12-31" : arg.name === "from" ? "2026-01-01" : "2026-06-30";
  if (type.name === "ID") return idsOf(getNamedType(field.type).name)[0] ?? "nowhere:00000000-0000-4000-8000-000000000000";
  if (type.name === "Cents") return "250000";
  if (type.name === "Int") return arg.name === "fiscalYear" ? 2026 : 1;
  if (type.name === "Decimal") return "1";
  if (isEnumType(type)) return type.getValues()[0].value;
  if (type.name === "String" && arg.name === "month") return "2026-06";
  // A file the caller hands in (a received invoice, a statement) cannot be made up: the field is left out, as for an input object.
  if (type.name === "String" && ["file", "content", "csv"].includes(arg.name)) return undefined;
  if (type.name === "String") return "x";
  return undefined;
}

/** How a walk goes: the IDs it may name, what it leaves out, and the depth it reaches. */
export interface WalkOptions {
  idsOf: (type: string) => string[];
  /** The deepest a selection goes (a type already twice on the path is not entered again either). */
  maxDepth?: number;
  /** Field paths (".field.field") left out: refused ones, so that their siblings show. */
  excluded?: ReadonlySet<string>;
  /** The deepest level the generated selection reached. */
  reached?: { depth: number };
}

/**
 * A selection of every field of `type`, generated from the schema: leaves, and object fields
 * entered until the depth; connections two items a page; a field whose required argument
 * cannot be made up (an input object) is left out.
 */
export function selectionOf(type: GraphQLNamedType, options: WalkOptions, depth = 1, path: string[] = [type.name], fieldPath = ""): string {
  const maxDepth = options.maxDepth ?? 6;
  if (options.reached) options.reached.depth = Math.max(options.reached.depth, depth);
  if (isUnionType(type)) {
    return type
      .getTypes()
      .map((member) => `... on ${member.name} { ${selectionOf(member, options, depth, path, fieldPath)} }`)
      .join(" ");
  }
  const object = type as GraphQLObjectType;
  const parts = ["__typename"];
  for (const field of Object.values(object.getFields())) {
    // Another subgraph's field, given in representations only: the planner never asks for it here.
    if (field.astNode?.directives?.some((directive) => directive.name.value === "external")) continue;
    const here = `${fieldPath}.${field.name}`;
    if (options.excluded?.has(here)) continue;
    const args: string[] = [];
    let unusable = false;
    for (const arg of field.args) {
      // An optional argument, or a non-null one with a default (`includeFormer: Boolean! = false`), is left to its default.
      if (!isRequiredArgument(arg)) continue;
      if (isInputObjectType(getNamedType(arg.type))) unusable = true;
      const value = argumentValue(arg, field, options.idsOf);
      if (value === undefined) unusable = true;
      else args.push(`${arg.name}: ${isEnumType(getNamedType(arg.type)) ? String(value) : JSON.stringify(value)}`);
    }
    if (unusable) continue;
    // Two items a page: every path is still walked (a list of two still shows another record than the
    // first), and the data at depth 6 is 2^6 objects a path, not 3^6.
    if (field.args.some((arg) => arg.name === "first")) args.push("first: 2");
    const call = args.length > 0 ? `${field.name}(${args.join(", ")})` : field.name;
    const target = getNamedType(field.type);
    if (isLeafType(target)) {
      parts.push(call);
      continue;
    }
    const timesOnPath = path.filter((name) => name === target.name).length;
    if (depth >= maxDepth || timesOnPath >= 2) continue;
    parts.push(`${call} { ${selectionOf(target, options, depth + 1, [...path, target.name], here)} }`);
  }
  return parts.join(" ");
}

/** Every object of the answer with its type (`__typename`), and every string in it. */
export function contentsOf(value: Json, objects: { type: string; object: Record<string, Json> }[], strings: Set<string>) {
  if (Array.isArray(value)) for (const item of value) contentsOf(item, objects, strings);
  else if (typeof value === "string") strings.add(value);
  else if (value && typeof value === "object") {
    if (typeof value.__typename === "string") objects.push({ type: value.__typename, object: value });
    for (const [key, item] of Object.entries(value)) if (key !== "__typename") contentsOf(item, objects, strings);
  }
}

/** Objects about one person: an entrepreneur may get only their own, a network role none. */
export const PERSONAL_TYPES = new Set([
  "Person",
  "Activity",
  "SupportSession",
  "Contract",
  "ActivityAccount",
  "Invoice",
  "CreditNote",
  "Payment",
  "Customer",
  "Quote",
  "Expense",
  "ContributionEntry",
  "Associate",
  "Exit",
  "Reception",
  "ContractDeadline",
  "InformationMeeting",
]);

/** Exact aggregates of one cooperative (and their inputs): its staff and the gateway's credential only. */
export const AGGREGATE_TYPES = new Set(["MembersIndicators", "ContractsIndicators", "FinanceIndicators", "ContractMilestones"]);

/** Runs a statement on one subgraph's database of the cooperative under test. */
export type QueryOf = (subgraph: "members" | "contracts" | "finance", sql: string, parameters: unknown[]) => Promise<{ id: string }[]>;

/**
 * The local IDs of everything the tables say is one person's: activities, support sessions,
 * contracts, and of their accounts the accounts themselves, customers, quotes, invoices, credit
 * notes, expenses, contributions and payments. The walks judge by it, not by the policy.
 */
export async function recordsOf(personLocalId: string, query: QueryOf): Promise<string[]> {
  const accounts = "SELECT id FROM activity_accounts WHERE person_id = $1";
  const statements: [Parameters<QueryOf>[0], string][] = [
    ["members", "SELECT id FROM activities WHERE person_id = $1"],
    ["members", "SELECT session_id AS id FROM support_session_people WHERE person_id = $1"],
    ["contracts", "SELECT id FROM contracts WHERE person_id = $1"],
    ["finance", accounts],
    ...["customers", "quotes", "invoices", "credit_notes", "expenses", "contribution_entries"].map(
      (table): [Parameters<QueryOf>[0], string] => ["finance", `SELECT id FROM ${table} WHERE account_id IN (${accounts})`],
    ),
    ["finance", `SELECT id FROM payments WHERE invoice_id IN (SELECT id FROM invoices WHERE account_id IN (${accounts}))`],
  ];
  const found: string[] = [];
  for (const [subgraph, sql] of statements) for (const row of await query(subgraph, sql, [personLocalId])) found.push(row.id);
  return found;
}

/** The network's records the walks judge by, created through the API as a network admin. */
export interface NetworkRecords {
  partner: string;
  agreement: string;
  committee: string;
  /** Each cooperative's charter adherences (their IDs). */
  adherences: Map<string, string[]>;
  /**
   * Values that are the network's business only: a committee member's name and email, a partner's
   * contact email, a meeting's minutes and its decision. No cooperative role reads any of them, nor
   * the gateway's credential.
   */
  secrets: Set<string>;
  /** What the gateway's credential may read of them: the partner's name (its agreement's funder). */
  partnerName: string;
}

type Run = (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown }>;

/**
 * Creates, as a network admin, a partner with a contact email, its funding agreement for the
 * region of Auvergne-Rhône-Alpes over 2026, a steering committee following it with a member (name
 * and email), a meeting held today with its minutes and a decision, and a charter adherence for
 * each cooperative given.
 */
export async function createNetworkRecords(run: Run, cooperativeIds: string[], today: string): Promise<NetworkRecords> {
  const answer = async (query: string, input: Record<string, unknown>) => {
    const { data, errors } = await run(query, { input });
    if (errors || !data) throw new Error(JSON.stringify(errors));
    return Object.values(data)[0] as Record<string, string>;
  };
  const partner = await answer("mutation ($input: CreateNetworkPartnerInput!) { createPartner(input: $input) { id name contactEmail } }", {
    name: "DREETS Auvergne-Rhône-Alpes – walk",
    kind: "STATE",
    contactEmail: "conventions.walk@dreets-ara.example.org",
  });
  const agreement = await answer("mutation ($input: SignFundingAgreementInput!) { signFundingAgreement(input: $input) { id } }", {
    partnerId: partner.id,
    reference: "WALK-ARA-2026",
    title: "Accompagnement à la création d'activité (walk)",
    territory: { kind: "REGION", region: "Auvergne-Rhône-Alpes" },
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    amountCents: "8000000",
    signedOn: "2025-12-10",
    indicatorsOwed: ["SUPPORTED", "ENTRIES", "FOLLOW_UPS"],
  });
  const committee = await answer("mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id } }", {
    kind: "STEERING",
    name: "Comité de pilotage walk ARA",
    fundingAgreementId: agreement.id,
    territory: "Région Auvergne-Rhône-Alpes",
  });
  const member = await answer("mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id fullName email } }", {
    committeeId: committee.id,
    fullName: "Ermengarde Walkowiak",
    organisation: "DREETS Auvergne-Rhône-Alpes",
    role: "Présidente",
    email: "ermengarde.walkowiak@dreets-ara.example.org",
  });
  const meeting = await answer("mutation ($input: ScheduleCommitteeMeetingInput!) { scheduleCommitteeMeeting(input: $input) { id } }", {
    committeeId: committee.id,
    scheduledOn: today,
    place: "Lyon",
    agenda: ["Bilan de l'année"],
    periodFrom: "2026-01-01",
    periodTo: "2026-12-31",
  });
  const minutes = "Le comité walk a examiné le rapport de l'année.";
  await answer("mutation ($input: RecordCommitteeMinutesInput!) { recordCommitteeMinutes(input: $input) { id } }", {
    meetingId: meeting.id,
    heldOn: today,
    attendeeIds: [member.id],
    minutes,
  });
  const decision = "Transmettre le rapport walk signé à la DREETS";
  await answer("mutation ($input: RecordCommitteeDecisionInput!) { recordCommitteeDecision(input: $input) { id } }", {
    meetingId: meeting.id,
    text: decision,
    owner: "Réseau",
  });
  const adherences = new Map<string, string[]>();
  for (const cooperativeId of cooperativeIds) {
    const adherence = await answer("mutation ($input: RecordCharterAdherenceInput!) { recordCharterAdherence(input: $input) { id } }", {
      cooperativeId,
      charterVersion: "2024",
      signedOn: "2024-06-01",
      signatory: `Signataire de ${cooperativeId}, gérante`,
    });
    adherences.set(cooperativeId, [adherence.id]);
  }
  return {
    partner: partner.id,
    agreement: agreement.id,
    committee: committee.id,
    adherences,
    secrets: new Set([member.fullName, member.email, partner.contactEmail, minutes, decision]),
    partnerName: partner.name,
  };
}
