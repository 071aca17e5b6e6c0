import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * What the development commands (`npm start`, `npm run token`, `npm run keys`, the template)
 * share on their command line: every one answers `--help` (or `-h`) with its usage on stdout and
 * exit code 0, and refuses an option it does not know with that usage on stderr and exit code 2.
 */

/** A mistake on the command line or in a variable: the command prints it and exits with code 2. */
export class UsageError extends Error {}

export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The parsed command line, or undefined once `--help` has printed the usage (the command then does nothing). */
export function parseCommandLine(
  usage: string,
  options: CommandOptions,
  { args = process.argv.slice(2), allowPositionals = false }: { args?: string[]; allowPositionals?: boolean } = {},
): CommandLine | undefined {
  let parsed: CommandLine;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true,
    });
    parsed = { values: values as CommandLine["values"], positionals };
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    return undefined;
  }
  return parsed;
}

/** A string option's value (parseArgs gives strings for `type: "string"`). */
export function textOption(line: CommandLine, name: string): string | undefined {
  const value = line.values[name];
  return typeof value === "string" ? value : undefined;
}

/** Runs a command's main: a refused command line exits with 2, any other failure with 1, each with its message on stderr. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
