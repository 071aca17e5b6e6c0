import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return: 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} by default.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an `endCursor` or an edge's `cursor`)." })
  after?: string | null;
}

@ObjectType({ description: "Where a page stands in its list." })
// Every subgraph pages its own lists with the same PageInfo.
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the last item of this page, to pass as `after`." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares the `<Name>Connection` and `<Name>Edge` GraphQL types of a node type. */
export function connectionType<T extends object>(
  node: ClassType<T>,
  name: string,
  description: string,
  options: { shareable?: boolean } = {},
) {
  // A type several subgraphs define alike (the audit trail) must say so to compose.
  const shareable = options.shareable ? Directive("@shareable") : () => {};
  @ObjectType(`${name}Edge`, { description: `One ${description} in a list, with its cursor.` })
  @shareable
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor: string;

    @Field(() => node, { description: `The ${description}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description} items.` })
  @shareable
  class ConnectionType {
    @Field(() => [EdgeType], { description: "The items of this page." })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: "Whether more items follow, and the cursor to get them." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many items the whole list holds." })
    totalCount: number;
  }
  return ConnectionType;
}

/** Validates `first`, giving the page size to use. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, "first");
  }
  return first;
}

type SortKey = (string | number | null)[];
/** The last part of a sort key: unique in its list (an ID, a sequence number). */
type Unique = string | number;

/**
 * A cursor names its item by the list's unique key only (the last part of the sort key: an ID, a
 * sequence number), never by what the list is sorted by: a page of people sorted by name gives no
 * name away in its cursors. Clients pass it back as it is.
 */
export function encodeCursor(unique: Unique): string {
  return Buffer.from(JSON.stringify({ after: unique })).toString("base64url");
}

export function decodeCursor(cursor: string): Unique {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const unique = (decoded as { after?: unknown } | null)?.after;
    if (typeof unique === "string" || (typeof unique === "number" && Number.isSafeInteger(unique))) return unique;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`"${cursor}" is not a cursor of this list`, "after");
}

const uniqueOf = (key: SortKey): Unique => key[key.length - 1] as Unique;

/** One page of an already loaded, already sorted list (the lists a DataLoader returns per parent). */
export function pageOfList<T>(items: readonly T[], args: PageArgs, keyOf: (item: T) => SortKey): Connection<T> {
  const first = pageSize(args);
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    start = items.findIndex((item) => uniqueOf(keyOf(item)) === after) + 1;
    if (start === 0) throw badUserInput(`"${args.after}" is not a cursor of this list`, "after");
  }
  return toConnection(items.slice(start, start + first + 1), first, items.length, keyOf);
}

/**
 * One page of a query, by keyset: rows sorted by `columns` (ending with a unique column) and
 * strictly after the cursor's row. Costs two statements (page and count) whatever the page, and
 * one more to find the cursor's row when `after` is given.
 */
export async function pageOfQuery<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  columns: { column: string; property: keyof T & string }[],
  direction: "ASC" | "DESC" = "ASC",
): Promise<Connection<T>> {
  const first = pageSize(args);
  const totalCount = await query.clone().getCount();
  const keyOf = (row: T): SortKey => columns.map(({ property }) => row[property] as string | number | null);
  const page = query.clone();
  columns.forEach(({ column }, i) => (i === 0 ? page.orderBy(column, direction) : page.addOrderBy(column, direction)));
  if (args.after) {
    const unique = columns[columns.length - 1].column;
    const anchor = await query
      .clone()
      .andWhere(`${unique} = :cursorUnique`, { cursorUnique: decodeCursor(args.after) })
      .getOne()
      .catch(() => null);
    if (!anchor) throw badUserInput(`"${args.after}" is not a cursor of this list`, "after");
    const key = keyOf(anchor);
    const params = Object.fromEntries(key.map((value, i) => [`cursor${i}`, value]));
    page.andWhere(
      `(${columns.map((c) => c.column).join(", ")}) ${direction === "ASC" ? ">" : "<"} (${key.map((_, i) => `:cursor${i}`).join(", ")})`,
      params,
    );
  }
  const rows = await page.limit(first + 1).getMany();
  return toConnection(rows, first, totalCount, keyOf);
}

function toConnection<T>(rows: T[], first: number, totalCount: number, keyOf: (item: T) => SortKey): Connection<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(uniqueOf(keyOf(node))) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The same page with each node mapped (entity to GraphQL type). */
export function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U): Connection<U> {
  return { ...connection, edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: map(node) })) };
}
