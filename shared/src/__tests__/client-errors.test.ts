import { GraphQLError, parse, visit, type StringValueNode } from "graphql";
import { formatClientError, type UnexpectedFault } from "../client-errors";
import { unstorableInput, unstorableText } from "../stored-text";

describe("what a client is told of an error", () => {
  it("passes on an error the code meant, as it is", () => {
    const formatted = { message: "firstName must not be empty", extensions: { code: "BAD_USER_INPUT", field: "input.firstName" } };
    expect(formatClientError(formatted, undefined, () => {})).toBe(formatted);
  });

  it("gives a fault's ID to the client and its text to the log only", () => {
    const logged: UnexpectedFault[] = [];
    const fault = new GraphQLError('relation "people" does not exist', { originalError: new Error('relation "people" does not exist') });
    const formatted = formatClientError(
      { message: fault.message, path: ["person"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at query"] } },
      fault,
      (line) => logged.push(line),
    );
    expect(formatted.message).not.toMatch(/relation|people/);
    expect(formatted.path).toEqual(["person"]);
    expect(Object.keys(formatted.extensions ?? {}).sort()).toEqual(["code", "errorId"]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ errorId: formatted.extensions?.errorId, message: 'relation "people" does not exist' });
    // An error without any code is a fault too.
    expect(formatClientError({ message: "boom" }, new Error("boom"), () => {}).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("keeps the ID a subgraph gave its fault, through the gateway", () => {
    const formatted = { message: "Unexpected error; …", extensions: { code: "INTERNAL_SERVER_ERROR", errorId: "abc", cooperativeId: "x" } };
    const logged: UnexpectedFault[] = [];
    expect(formatClientError(formatted, undefined, (line) => logged.push(line)).extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      errorId: "abc",
    });
    expect(logged).toEqual([]);
  });

  it.each([
    ['Variable "$input" got invalid value "2025-02-30" at "input.firstContactOn"; Date must be …', "input.firstContactOn"],
    ['Variable "$input" got invalid value "x" at "input.lines[2].quantity"; Decimal must be …', "input.lines.2.quantity"],
    ['Variable "$id" of required type "ID!" was not provided.', "id"],
  ])("names the field of a variable GraphQL refused: %s", (message, field) => {
    expect(formatClientError({ message, extensions: { code: "BAD_USER_INPUT" } }, undefined, () => {}).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field,
    });
  });

  it("turns a literal a scalar refused into BAD_USER_INPUT naming its argument path", () => {
    const document = parse('mutation { f(input: { lines: [{ a: "ok" }, { a: "2025-02-30" }] }) { id } }');
    // The literal node the validation rule points at, as graphql-js gives it.
    let node: StringValueNode | undefined;
    visit(document, { StringValue: (found) => void (found.value === "2025-02-30" && (node = found)) });
    const error = new GraphQLError('Expected value of type "Date!", found "2025-02-30"; Date must be …', { nodes: [node!] });
    const formatted = formatClientError({ message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, error, () => {});
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.lines.1.a" });
  });
});

describe("text no database can store", () => {
  it.each([
    ["a NUL character", "a\u0000b", /NUL/],
    ["a lone high surrogate", "a\uD800", /surrogate/],
    ["a lone low surrogate", "\uDC00b", /surrogate/],
  ])("refuses %s", (_, text, reason) => {
    expect(unstorableText(text)).toMatch(reason);
  });

  it.each([["plain text"], ["Zoé 🌱 (a pair of surrogates)"], ["tab\tand\nnew line"], [""]])("keeps %j", (text) => {
    expect(unstorableText(text)).toBeNull();
  });

  it("names the first unstorable text of the variables, then of the literals", () => {
    const document = parse('mutation ($input: X!) { f(input: $input, note: "ok\\u0000") { id } }');
    expect(unstorableInput(document, { input: { lines: [{ a: "ok" }, { a: "no\u0000" }] } })?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lines.1.a",
    });
    expect(unstorableInput(document, { input: { a: "ok" } })?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "note" });
    // The literals are checked once per document: asked again, the same answer.
    expect(unstorableInput(document, {})?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "note" });
    expect(unstorableInput(parse('{ f(note: "ok") { id } }'), {})).toBeNull();
  });
});
