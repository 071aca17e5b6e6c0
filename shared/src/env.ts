import { cleanEnv, makeValidator, type CleanedEnv } from "envalid";
import { ConfigError } from "./errors";

/**
 * Environment variables, validated by schema (envalid): each process declares one schema of every
 * variable it reads (the subgraphs: `subgraphConfigFromEnv`; the gateway: `gatewayConfigFromEnv`),
 * built from these parts, and reads its environment with it once, at start. A refused value stops
 * the process with a `ConfigError` whose message names the variable.
 *
 * Measured on the 2-core machine (CPU time to load the library, three runs): envalid 11-14 ms,
 * zod 4 100-110 ms (zod/mini alike), in every one of the ten processes of `npm start`, whose
 * modules load in about 850 ms: envalid, for a job both do as well.
 */

/**
 * A variable: `parse` returns its value, or `undefined` to refuse it with `refused`, the message
 * that names the variable. Unset, it takes `fallback`, or is refused (`refused("")`) without one.
 */
export function envVar<T>(parse: (value: string) => T | undefined, refused: (value: string) => string, fallback?: NonNullable<T>) {
  const validator = makeValidator<T>((value) => {
    const parsed = parse(value);
    if (parsed === undefined) throw new ConfigError(refused(value));
    return parsed;
  });
  return fallback === undefined ? validator({ desc: refused("") }) : validator({ default: fallback });
}

/** A whole number from `min` to `max`, as `Number` reads it. */
export const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number | undefined => {
    const number = Number(value);
    return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
  };

/** A port number, 0 to 65535 (0: any free port). */
export const portVar = (name: string, fallback?: number) =>
  envVar(wholeNumber(0, 65535), (value) => `${name} must be a port number (0 to 65535), got "${value}"`, fallback);

const anyText = makeValidator<string>((value) => value);

/** Any text, possibly unset (`undefined`) or empty. */
export const optionalEnvText = () => anyText({ default: undefined });

/** Any text, with its value when unset. */
export const envText = (fallback: string) => anyText({ default: fallback });

/** The environment as `specs` reads it; the first variable refused, in the schema's order, throws a `ConfigError` naming it. */
export function parseEnv<S>(specs: S, env: NodeJS.ProcessEnv): CleanedEnv<S> {
  return cleanEnv(env, specs, {
    reporter: ({ errors }) => {
      const [first] = Object.values(errors) as Error[];
      if (first) throw first instanceof ConfigError ? first : new ConfigError(first.message);
    },
  });
}
