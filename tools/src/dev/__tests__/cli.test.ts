import { parseCommandLine, textOption, UsageError } from "../cli";

/** The command line every development command shares. */

const USAGE = "Usage: npm run example -- [--name <name>]";
const OPTIONS = { name: { type: "string" }, loud: { type: "boolean" } } as const;

describe("a development command's command line", () => {
  let written: string[];
  let write: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    write = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  });
  afterEach(() => write.mockRestore());

  it("answers --help and -h with the usage on stdout, and nothing to do", () => {
    expect(parseCommandLine(USAGE, OPTIONS, { args: ["--help"] })).toBeUndefined();
    expect(parseCommandLine(USAGE, OPTIONS, { args: ["--name", "x", "-h"] })).toBeUndefined();
    expect(written).toEqual([`${USAGE}\n`, `${USAGE}\n`]);
  });

  it("gives the options and positionals it knows", () => {
    const line = parseCommandLine(USAGE, OPTIONS, { args: ["--name", "alpes", "--loud", "dir"], allowPositionals: true })!;
    expect(textOption(line, "name")).toBe("alpes");
    expect(textOption(line, "loud")).toBeUndefined();
    expect(line.values.loud).toBe(true);
    expect(line.positionals).toEqual(["dir"]);
    expect(written).toEqual([]);
  });

  it("refuses an unknown option or a positional it does not take, with the usage", () => {
    for (const args of [["--nmae", "x"], ["stray"]]) {
      let error: unknown;
      try {
        parseCommandLine(USAGE, OPTIONS, { args });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(USAGE);
    }
  });
});
