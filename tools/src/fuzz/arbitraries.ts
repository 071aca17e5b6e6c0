/**
 * Arguments for any field of a GraphQL schema, generated from the schema's input types with
 * fast-check: the fuzzer does not know the mutations, it reads them. Every leaf mixes plausible
 * values (so that some operations succeed and the code behind the first checks is reached) with
 * hostile ones (control characters, NUL bytes, lone surrogates, 10 kB strings, numbers at and past
 * their bounds, impossible dates, IDs of another cooperative or of nothing, junk).
 *
 * What a value is plausible for is read from the names on its path (`personId`, `input.siret`,
 * `IssueInvoiceInput.id`), and IDs are drawn from the cooperative's own records (the seeded demo
 * data, and what the run itself created), so that an ID names a record of the right table.
 */
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from "graphql";

/** The records IDs are drawn from: the global IDs of each table, growing as the run creates records. */
export interface IdPool {
  cooperativeId: string;
  /** Cooperatives of the network other than this one (well-formed IDs that belong to another cooperative). */
  otherCooperativeIds: string[];
  /** Global IDs (`<cooperative>:<uuid>`) by table name (`people`, `activity_accounts`...). */
  byTable: Map<string, string[]>;
  /** Every global ID above, for an ID whose table the names do not tell. */
  all: string[];
  /** The same, to tell a plausible ID (one of the pool) from a hostile one. */
  known: Set<string>;
  /**
   * Rows by table, with their references as global IDs (`{ id, account_id }` of a customer): an
   * input naming several records (`accountId`, `customerId`) is given records that belong together.
   */
  rows: Map<string, Record<string, string>[]>;
  /**
   * The slugs of the network's registry, for a pool of the network's own records (whose
   * `cooperativeId` is `network`, no cooperative): an argument naming a cooperative is one of them.
   */
  cooperatives?: string[];
}

export function emptyPool(cooperativeId: string, otherCooperativeIds: string[]): IdPool {
  return { cooperativeId, otherCooperativeIds, byTable: new Map(), all: [], known: new Set(), rows: new Map() };
}

/** Adds IDs of a table to the pool (the demo data at the start, then what successful mutations create). */
export function addIds(pool: IdPool, table: string, ids: readonly string[]): void {
  const list = pool.byTable.get(table) ?? [];
  for (const id of ids) {
    if (pool.known.has(id)) continue;
    list.push(id);
    pool.all.push(id);
    pool.known.add(id);
  }
  pool.byTable.set(table, list);
}

/** Words of a name: `IssueCreditNoteInput` → issue, credit, note, input; `personIds` → person, ids. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The singular of a table's last word: `activity_accounts` → account, `people` → person. */
function tableNoun(table: string): string {
  const last = table.split("_").at(-1) ?? table;
  if (last === "people") return "person";
  if (last.endsWith("ies")) return `${last.slice(0, -3)}y`;
  return last.endsWith("s") ? last.slice(0, -1) : last;
}

/** Names that say the table by another word. */
const SYNONYMS: Record<string, string> = { facilitator: "counselor", referring: "partner", attendee: "member" };

/**
 * The table an ID named so is of, read from the names on its path, nearest first: the field's own
 * name (`customerId` → customers), else the input or field it sits in (`IssueInvoiceInput.id` →
 * invoices). Two-word tables win over one word (`credit_notes` for `IssueCreditNoteInput`).
 */
export function tableFor(names: readonly string[], tables: readonly string[]): string | undefined {
  for (const name of [...names].reverse()) {
    const words = wordsOf(name)
      .filter((word) => !["id", "ids", "input"].includes(word))
      .map((word) => SYNONYMS[word] ?? word);
    for (let i = words.length - 1; i >= 0; i--) {
      const noun = words[i].endsWith("s") && !words[i].endsWith("ss") ? words[i].slice(0, -1) : words[i];
      const matches = tables.filter((table) => tableNoun(table) === noun || tableNoun(table) === words[i]);
      if (matches.length === 0) continue;
      const qualified = matches.find((table) => table.split("_").length > 1 && words.includes(wordsOf(table)[0]));
      return qualified ?? matches.find((table) => !table.includes("_")) ?? matches[0];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Leaves. Each kind has its plausible values (by the names on its path) and its hostile ones.

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const today = () => isoDay(Date.now());

/** Strings that have broken text handling somewhere: the fuzzer's dictionary. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "   \t\n  ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uDFFF\uD800",
  "\u0001\u0002\u001f\u007f",
  "\r\n",
  "\u202eevil",
  "\u200b",
  "\uFEFF",
  "👩‍🔧🇫🇷",
  "'; DROP TABLE people; --",
  "%",
  "_",
  "\\",
  '"',
  "${x}",
  "x".repeat(10_240),
  "é".repeat(5_000),
  "\u0000".repeat(300),
];

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  // A lone surrogate or a NUL byte inside plausible text, where trimming does not remove it.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("Menuiserie", "Zoé", "Atelier"), fc.constantFrom("\u0000", "\uD800", "\uDC00", "\u0007"))
      .map(([text, bad]) => `${text}${bad}${text}`),
  },
);

/** A SIRET with its Luhn key, so that the number's own check passes and the code behind it runs. */
export function luhnComplete(digits: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${digits}${key}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let digit = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  return `${digits}0`;
}

const plainText = fc.oneof(
  fc.constantFrom(
    "Menuiserie Dupont",
    "Zoé",
    "Garnier",
    "Atelier du Port",
    "1 place de la Coopération, 31000 Toulouse",
    "Accompagnement à la création",
    "Formation",
    "N° 42",
  ),
  fc.stringMatching(/^[A-Z][a-zéèçà]{2,12}( [A-Z][a-zéèçà]{2,12})?$/),
);

/** Plausible text for a string field, by its name. */
function plausibleString(names: readonly string[], pool: IdPool): fc.Arbitrary<string> {
  const name = (names.at(-1) ?? "").toLowerCase();
  if (name.includes("email")) return fc.oneof(fc.constantFrom("zoe.garnier@example.fr", "Contact@Example.COM"), fc.emailAddress());
  if (name.includes("siret")) return fc.oneof(fc.constant("73282932000074"), fc.stringMatching(/^[1-9]\d{12}$/).map(luhnComplete));
  if (name.includes("vatnumber")) return fc.constantFrom("FR44732829320", "FR00123456789");
  if (name.includes("postcode")) return fc.constantFrom("31000", "75001", "20000", "97400");
  if (name.includes("phone")) return fc.constantFrom("05 61 00 00 00", "+33561000000", "0612345678");
  if (name === "month") {
    // A month of the last three years mostly (a month's figures are recorded once it is over), or the next ones.
    return fc.integer({ min: -3, max: 36 }).map((back) => {
      const now = new Date();
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      return month.toISOString().slice(0, 7);
    });
  }
  if (name.includes("nafcode")) return fc.constantFrom("62.01Z", "43.32A", "85.59A");
  if (name.startsWith("region")) return fc.constantFrom("Occitanie", "Bretagne", "Auvergne-Rhône-Alpes");
  if (name.endsWith("prefix")) return fc.constantFrom("F", "AV", "FAC-", "A");
  if (name === "entitytype") return fc.constantFrom("Person", "Invoice", "Contract", "ActivityAccount");
  if (name === "search") return fc.constantFrom("Ga", "zoé", "a", "MARTIN");
  if (name === "after") return plausibleCursor(pool);
  // Where a cooperative's subgraphs answer (the network's registry): at the network's subgraph only. Through the
  // gateway, a cooperative registered at a URL of nothing would be routed to, and answer COOPERATIVE_UNAVAILABLE.
  if (pool.cooperatives && (names.at(-2) ?? "").endsWith("EndpointsInput")) {
    return fc.constantFrom("http://127.0.0.1:4131/graphql", "https://loire-entreprendre.example.fr/members/graphql");
  }
  return plainText;
}

/** A cursor as the lists make them (base64url of `{"after": <unique key>}`), of a record or of junk. */
const cursorOf = (unique: unknown) => Buffer.from(JSON.stringify({ after: unique })).toString("base64url");
function plausibleCursor(pool: IdPool): fc.Arbitrary<string> {
  return fc.nat().map((i) => {
    const id = pool.all.length > 0 ? pool.all[i % pool.all.length] : `${pool.cooperativeId}:00000000-0000-4000-8000-000000000000`;
    return cursorOf(id.slice(id.indexOf(":") + 1));
  });
}
const hostileCursor = fc.oneof(
  fc.constantFrom(
    cursorOf("x"),
    cursorOf(1e300),
    cursorOf(null),
    cursorOf({ a: 1 }),
    cursorOf([1, 2]),
    cursorOf("\u0000"),
    cursorOf("2026-13-45"),
    cursorOf("00000000-0000-4000-8000-000000000000"),
    Buffer.from("not json").toString("base64url"),
    "not a cursor!",
  ),
  hostileString,
);

/** Plausible integers by the argument's name, and values at and past every bound. */
function plausibleInt(names: readonly string[]): fc.Arbitrary<number> {
  const name = (names.at(-1) ?? "").toLowerCase();
  if (name === "first") return fc.integer({ min: 1, max: 100 });
  if (name.includes("year")) return fc.integer({ min: 1940, max: 2008 });
  if (name.includes("minutes")) return fc.integer({ min: 15, max: 480 });
  if (name.includes("days")) return fc.integer({ min: 0, max: 60 });
  if (name.includes("shares")) return fc.integer({ min: 1, max: 20 });
  return fc.integer({ min: 0, max: 100 });
}

/**
 * Hostile values of a scalar: those its parser accepts (they reach the code: bounds, overflow,
 * arithmetic) weigh three times those it refuses (GraphQL's coercion, the same for every field).
 */
const accepted = (values: readonly unknown[], refused: readonly unknown[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...refused) });

const hostileInt = accepted(
  [0, -1, 1, 101, 1_000_000, 2 ** 31 - 1, -(2 ** 31)],
  [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21, 1.5, -0.5, "12", "", true],
);

/** Plausible exact decimals by name: rates in percent, hours, quantities. */
function plausibleDecimal(names: readonly string[]): fc.Arbitrary<string> {
  const name = (names.at(-1) ?? "").toLowerCase();
  if (name.includes("rate")) return fc.oneof(fc.integer({ min: 0, max: 60 }).map(String), fc.constantFrom("12.5", "5.5", "0.25"));
  if (name.includes("hours")) return fc.constantFrom("151.67", "35", "75.84", "24");
  return fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.constantFrom("0.5", "2.5", "1.333", "0.25"));
}
const hostileDecimal = accepted(
  ["0", "-0", "0.5", "-1", "-0.01", "0.0001", "99999999999.9999", "999999999999.9999", "-999999999999.9999"],
  ["abc", "1e2", "0.00001", "1.", ".5", "", "NaN", "1,5", 1.5, 10],
);

/** Amounts in cents: plausible positive amounts (as strings, sometimes as safe integers), and the edges. */
function plausibleCents(names: readonly string[]): fc.Arbitrary<unknown> {
  const name = (names.at(-1) ?? "").toLowerCase();
  if (name === "fromcents") return fc.constantFrom("0", "1000000", "5000000");
  return fc.oneof(fc.integer({ min: 1, max: 10_000_000 }).map(String), fc.integer({ min: 1, max: 100_000 }), fc.constant("0"));
}
const hostileCents = accepted(
  ["0", "-1", "-250000", "999999999999999999", "-999999999999999999", "0001", 2 ** 53 - 1, -(2 ** 53 - 1)],
  ["9223372036854775807", "1e3", "abc", "", " 1", "1.5", "+1", 2 ** 53, 12.5],
);

/**
 * Calendar dates: mostly of the last three years (records say what has happened), today, and
 * some of the next year (a contract's end, a quote's validity). Relative to the day the test runs,
 * as the services' own checks are ("in the future"): a seed gives the same runs on the same day.
 */
const plausibleDate = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 * 366 }).map((days) => isoDay(Date.now() - days * DAY_MS)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => today()) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 366 }).map((days) => isoDay(Date.now() + days * DAY_MS)) },
);
export const HOSTILE_DATES: readonly unknown[] = [
  "2025-02-30",
  "2025-13-01",
  "2025-00-10",
  "2025-01-00",
  "2023-02-29",
  "2024-02-29",
  "0001-01-01",
  "0000-01-01",
  "1900-01-01",
  "2099-12-31",
  "9999-12-31",
  "2026-1-5",
  "20260105",
  "2026-01-05T00:00:00Z",
  " 2026-01-05",
  "",
  "junk",
  "\u0000",
  20260105,
];
/** Dates the Date scalar accepts but a calendar, a database or a rule may not: they reach the code, so they weigh more. */
export const EXTREME_DATES: readonly string[] = ["0000-01-01", "0001-01-01", "1900-01-01", "2024-02-29", "2099-12-31", "9999-12-31"];
const hostileDate = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 1, arbitrary: fc.constant(null).map(() => today()) },
);

const hostileDateTime = fc.constantFrom("2026-13-01T00:00:00Z", "yesterday", "", 0, "9999-12-31T23:59:59Z");

/** Whether an ID names a cooperative (`cooperativeId`, `cooperativeIds`, `cooperative(id:)`): a cooperative's ID is its slug. */
function namesCooperative(names: readonly string[]): boolean {
  const [last, parent] = [(names.at(-1) ?? "").toLowerCase(), (names.at(-2) ?? "").toLowerCase()];
  return last.startsWith("cooperativeid") || (last === "id" && parent === "cooperative");
}

/** A global ID: of the right table when the names tell it, any record otherwise; the pool is read when the value is drawn. */
function plausibleId(names: readonly string[], pool: IdPool): fc.Arbitrary<unknown> {
  const registry = pool.cooperatives;
  if (namesCooperative(names) && registry) {
    // A cooperative of the registry mostly; now and then a new one (to register).
    return fc.oneof(
      { weight: 6, arbitrary: fc.nat().map((i) => registry[i % registry.length] ?? pool.cooperativeId) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{2,12}(-[a-z0-9]{2,12})?$/) },
    );
  }
  if (namesCooperative(names)) return fc.constant(pool.cooperativeId);
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.boolean()).map(([i, recent, newest]) => {
        const table = tableFor(names, [...pool.byTable.keys()]);
        const ids = (table && pool.byTable.get(table)) || pool.all;
        if (ids.length === 0) return `${pool.cooperativeId}:00000000-0000-4000-8000-000000000000`;
        // Often one of the newest: what this run created is where the deeper states are (a draft to issue, an invoice to pay).
        return newest ? ids[Math.max(0, ids.length - 1 - recent)] : ids[i % ids.length];
      }),
    },
    { weight: 1, arbitrary: fc.nat().map((i) => pool.all[i % Math.max(1, pool.all.length)] ?? pool.cooperativeId) },
  );
}

/** IDs that are not this cooperative's records: of nothing, of another cooperative, malformed, junk. */
function hostileId(names: readonly string[], pool: IdPool): fc.Arbitrary<unknown> {
  const own = pool.cooperativeId;
  const others = pool.otherCooperativeIds.length > 0 ? pool.otherCooperativeIds : ["bretagne-cooperer"];
  const junk = fc.constantFrom(
    "",
    "x",
    own,
    `${own}:`,
    `${own}:not-a-uuid`,
    `:00000000-0000-4000-8000-000000000000`,
    `${own}:00000000-0000-4000-8000-000000000000:extra`,
    `${own.toUpperCase()}:00000000-0000-4000-8000-000000000000`,
    `${own}:\u0000`,
    `${own}:${"a".repeat(10_240)}`,
    "nowhere-at-all:00000000-0000-4000-8000-000000000000",
    12,
  );
  const ofNothing = fc.uuid({ version: 4 }).map((uuid) => `${own}:${uuid}`);
  const ofAnother = fc.tuple(fc.constantFrom(...others), fc.nat()).map(([other, i]) => {
    const mine = pool.all[i % Math.max(1, pool.all.length)] ?? `${own}:00000000-0000-4000-8000-000000000001`;
    return `${other}:${mine.slice(mine.indexOf(":") + 1)}`;
  });
  const upperCase = fc.nat().map((i) => {
    const mine = pool.all[i % Math.max(1, pool.all.length)] ?? `${own}:00000000-0000-4000-8000-000000000001`;
    return `${own}:${mine.slice(mine.indexOf(":") + 1).toUpperCase()}`;
  });
  // Of the network's records, its own slug is one too: reserved, never a cooperative's.
  const reserved = pool.cooperatives ? [own] : [];
  if (namesCooperative(names))
    return fc.oneof(fc.constantFrom(...others, ...reserved, "nowhere", "GARONNE", "", `${own} `, "-", "a".repeat(60)), hostileString);
  return fc.oneof(ofNothing, ofAnother, upperCase, junk, hostileString);
}

/** Mixes plausible and hostile values of a leaf; shrinking goes back to the plausible one. */
function leaf(plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>, mode: Mode): fc.Arbitrary<unknown> {
  if (mode === "plausible") return plausible;
  return fc.oneof({ withCrossShrink: true }, { weight: mode === "mixed" ? 5 : 1, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
}

/**
 * `plausible`: every leaf plausible (the operation may well succeed); `mixed`: a leaf now and then
 * hostile (one bad field among good ones, the realistic mistake), and the structure too (a null
 * where a value is required, an unknown field); `hostile`: every other leaf hostile.
 */
export type Mode = "plausible" | "mixed" | "hostile";

/** The names on a value's path, nearest last: what the plausible values are read from. */
type Names = readonly string[];

function scalarArbitrary(name: string, names: Names, pool: IdPool, mode: Mode): fc.Arbitrary<unknown> {
  switch (name) {
    case "String": {
      const last = (names.at(-1) ?? "").toLowerCase();
      return leaf(plausibleString(names, pool), last === "after" ? hostileCursor : hostileString, mode);
    }
    case "ID":
      return leaf(plausibleId(names, pool), hostileId(names, pool), mode);
    case "Int":
      return leaf(plausibleInt(names), hostileInt, mode);
    case "Float":
      return leaf(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(-1, 1e308, "1", ""), mode);
    case "Boolean":
      return leaf(fc.boolean(), fc.constantFrom("true", 1, ""), mode);
    case "Date":
      return leaf(plausibleDate, hostileDate, mode);
    case "DateTime":
      return leaf(
        plausibleDate.map((day) => `${day}T09:30:00.000Z`),
        hostileDateTime,
        mode,
      );
    case "Decimal":
      return leaf(plausibleDecimal(names), hostileDecimal, mode);
    case "Cents":
      return leaf(plausibleCents(names), hostileCents, mode);
    default:
      // A scalar the fuzzer does not know: any JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of an input type; `undefined` means the field or argument is left out. */
export function inputArbitrary(type: GraphQLInputType, names: Names, pool: IdPool, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = nullableArbitrary(type.ofType, names, pool, mode, depth);
    if (mode === "plausible") return inner;
    // Rarely, null or nothing where a value is required: GraphQL's own coercion must refuse it with a code.
    return fc.oneof(
      { withCrossShrink: true },
      { weight: 40, arbitrary: inner },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  const value = nullableArbitrary(type, names, pool, mode, depth);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 6, arbitrary: value },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function nullableArbitrary(type: GraphQLInputType, names: Names, pool: IdPool, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  if (depth > 5) return fc.constant(null);
  if (isListType(type)) {
    const item = inputArbitrary(type.ofType, names, pool, mode, depth + 1).map((value) => (value === undefined ? null : value));
    // Empty, one, a few, many.
    return fc.oneof(
      { weight: 2, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 4, maxLength: mode === "plausible" ? 8 : 40 }) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      record[field.name] = inputArbitrary(field.type, [...names, type.name, field.name], pool, mode, depth + 1);
    }
    const object = coherent(
      fc.record(record).map((value) => withoutUndefined(value)),
      [...names, type.name],
      pool,
    );
    // Sometimes the required fields only: an update that changes nothing, a record with no option.
    const required = Object.fromEntries(Object.entries(record).filter(([name]) => isNonNullType(type.getFields()[name].type)));
    const requiredOnly = coherent(fc.record(required).map(withoutUndefined), [...names, type.name], pool);
    return fc.oneof(
      { withCrossShrink: true },
      { weight: 24, arbitrary: object },
      { weight: 3, arbitrary: requiredOnly },
      // Rarely, a field the type does not have.
      ...(mode !== "plausible" ? [{ weight: 1, arbitrary: object.map((value) => ({ ...value, notAField: "x" })) }] : []),
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return leaf(fc.constantFrom(...values), fc.constantFrom("NOT_A_VALUE", values[0].toLowerCase(), "", 0, `${values[0]} `), mode);
  }
  if (isScalarType(type)) return scalarArbitrary(type.name, names, pool, mode);
  return fc.constant(null);
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

/** Arguments of a field: each argument by its type and name, left out when `undefined`. */
export function argumentsArbitrary(
  args: readonly GraphQLArgument[],
  names: Names,
  pool: IdPool,
  mode: Mode,
): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of args) record[arg.name] = inputArbitrary(arg.type, [...names, arg.name], pool, mode);
  return coherent(fc.record(record).map(withoutUndefined), names, pool);
}

// ---------------------------------------------------------------------------------------------
// Coherence. Fields drawn one by one rarely fit together (a customer of another account, an end
// before the start, a VAT number of another SIRET): the service refuses them at its first check
// and the code behind is never reached. Three times in four, the plausible values of an object
// are made to fit; hostile values are left as they are.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Dates that come first, and dates that come after them, by name. */
const EARLIER = ["from", "startsOn", "issuedFrom", "issuedOn", "admittedOn", "openedOn", "receivedOn"];
const LATER = ["to", "endsOn", "issuedTo", "validUntil", "reviewOn", "trialPeriodEndsOn", "dueOn"];
const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** The French VAT number of a SIRET's company (key, then SIREN). */
export function vatNumberOfSiret(siret: string): string {
  const siren = siret.slice(0, 9);
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}

function coherent(arbitrary: fc.Arbitrary<Record<string, unknown>>, names: Names, pool: IdPool): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(arbitrary, fc.nat(), fc.nat({ max: 3 }))
    .map(([value, pick, chance]) => (chance === 0 ? value : fitTogether({ ...value }, names, pool, pick)));
}

function fitTogether(value: Record<string, unknown>, names: Names, pool: IdPool, pick: number): Record<string, unknown> {
  // Records that belong together: the row of one ID gives the others (a customer's account_id is accountId).
  const tables = [...pool.byTable.keys()];
  const ids = Object.keys(value).filter(
    (key) => (key === "id" || /Id$/.test(key)) && key !== "cooperativeId" && pool.known.has(value[key] as string),
  );
  for (const anchor of ids) {
    const others = ids.filter((key) => key !== anchor).map((key) => [key, snakeCase(key)] as const);
    const table = tableFor(anchor === "id" ? [...names, anchor] : [anchor], tables);
    const rows = (table && pool.rows.get(table)?.filter((row) => others.some(([, column]) => row[column]))) || [];
    if (rows.length === 0) continue;
    const row = rows[pick % rows.length];
    value[anchor] = row.id;
    for (const [key, column] of others) if (row[column]) value[key] = row[column];
    break;
  }
  // Dates in their order.
  for (const early of EARLIER) {
    for (const late of LATER) {
      const [a, b] = [value[early], value[late]];
      if (typeof a === "string" && typeof b === "string" && ISO_DAY.test(a) && ISO_DAY.test(b) && a > b) {
        [value[early], value[late]] = [b, a];
      }
    }
  }
  // A VAT number of the SIRET given beside it.
  if (
    typeof value.siret === "string" &&
    /^\d{14}$/.test(value.siret) &&
    typeof value.vatNumber === "string" &&
    value.vatNumber.startsWith("FR")
  ) {
    value.vatNumber = vatNumberOfSiret(value.siret);
  }
  return value;
}

/**
 * One value per argument that the walk to a field needs on the way (`cooperative(id:)`,
 * `statement(from:, to:)`): plausible and fixed, so that the fuzzed field is reached.
 */
export function fixedArgument(arg: GraphQLArgument, names: Names, pool: IdPool): unknown {
  if (!isNonNullType(arg.type)) return undefined;
  const type = getNamedType(arg.type);
  const name = arg.name.toLowerCase();
  if (isEnumType(type)) return type.getValues()[0].name;
  switch (type.name) {
    case "ID": {
      if (namesCooperative([...names, arg.name])) return pool.cooperativeId;
      const table = tableFor([...names, arg.name], [...pool.byTable.keys()]);
      return ((table && pool.byTable.get(table)) || pool.all)[0] ?? `${pool.cooperativeId}:00000000-0000-4000-8000-000000000000`;
    }
    case "Date":
      return name === "to" ? "2026-12-31" : name === "from" ? "2026-01-01" : "2026-06-30";
    case "Int":
      return name === "first" ? 2 : 30;
    case "Cents":
      return "250000";
    case "Decimal":
      return "1";
    case "String":
      return "x";
    case "Boolean":
      return true;
    default:
      return null;
  }
}
