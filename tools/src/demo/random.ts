import { createHash } from "node:crypto";
import { withSiretKey } from "@cae/shared";

/**
 * The demo data's randomness, in one place: deterministic generators seeded from text (a
 * cooperative's ID), so that every subgraph seeding alone, on any machine, draws the same data.
 */
export type Random = () => number;

const seedOf = (...parts: string[]): number => createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0);

/** A generator of numbers in [0, 1), seeded from the parts (mulberry32: tiny, fast, and good enough to make demo data look varied). */
export function seededRandom(...parts: string[]): Random {
  let state = seedOf(...parts);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One number in [0, 1) drawn from the parts alone: the same parts always draw the same number. */
export const drawFrom = (...parts: string[]): number => seedOf(...parts) / 2 ** 32;

/** A whole number from `min` to `max`, both included. */
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** An item drawn in proportion to its weight. */
export function pickWeighted<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  let ticket = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of weighted) if ((ticket -= weight) < 0) return item;
  return weighted[weighted.length - 1][0];
}

/** A valid, fictional SIRET drawn from `random`. */
export const randomSiret = (random: Random): string => withSiretKey(Array.from({ length: 13 }, () => between(random, 0, 9)).join(""));
