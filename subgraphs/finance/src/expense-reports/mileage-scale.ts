import { roundDiv } from "../money/arithmetic";

/**
 * The tax administration's mileage scale for cars (barème kilométrique, BOFiP
 * BOI-BAREME-000001, "Barème forfaitaire permettant l'évaluation des frais de déplacement relatifs à
 * l'utilisation d'un véhicule par les bénéficiaires de traitements et salaires"; arrêté of
 * 27 March 2023 for the scale below), the one place of it (docs/purchases.md, "Mileage").
 *
 * For a yearly distance d (km driven for work in a calendar year, per person and vehicle), the
 * allowance is d × a up to 5,000 km, d × b + c from 5,001 to 20,000 km, d × e beyond 20,000 km,
 * by fiscal horsepower (3 CV and less … 7 CV and more). For an electric car the amount is raised by
 * 20 % (arrêté of 15 February 2021). Coefficients are kept in thousandths of a euro per km and the
 * fixed part in euros, so the arithmetic stays in integers.
 */

export type Horsepower = 3 | 4 | 5 | 6 | 7;

interface Band {
  /** The band applies up to this yearly distance, included (null: no end). */
  upToKm: number | null;
  /** Thousandths of a euro per km. */
  perKmMilli: bigint;
  /** Fixed part in euros. */
  fixedEuros: bigint;
}

export interface MileageScale {
  /** The first calendar year of trips it applies to (the scale of the income of that year). */
  year: number;
  source: string;
  bands: Record<Horsepower, readonly Band[]>;
}

const band = (upToKm: number | null, perKm: number, fixedEuros = 0): Band => ({
  upToKm,
  perKmMilli: BigInt(perKm),
  fixedEuros: BigInt(fixedEuros),
});

/**
 * The scale revalued by 5.4 % in 2023 for the income of 2022, kept unchanged for the income of
 * 2023 and 2024 (BOI-BAREME-000001, versions of 2023 to 2025). A scale applies from its year until
 * a later one is listed: the administration publishes a year's scale in the following spring, and
 * until then the last one published is what employers apply.
 */
const SCALE_2022: MileageScale = {
  year: 2022,
  source: "BOI-BAREME-000001 (arrêté du 27 mars 2023; unchanged for the income of 2023 and 2024)",
  bands: {
    3: [band(5000, 529), band(20000, 316, 1065), band(null, 370)],
    4: [band(5000, 606), band(20000, 340, 1330), band(null, 407)],
    5: [band(5000, 636), band(20000, 357, 1395), band(null, 427)],
    6: [band(5000, 665), band(20000, 374, 1457), band(null, 447)],
    7: [band(5000, 697), band(20000, 394, 1515), band(null, 470)],
  },
};

/** Every scale, oldest first. */
export const MILEAGE_SCALES: readonly MileageScale[] = [SCALE_2022];

/** The scale for trips of a calendar year: the latest listed from that year or before. */
export function mileageScaleFor(year: number): MileageScale {
  const scale = [...MILEAGE_SCALES].reverse().find((candidate) => candidate.year <= year);
  if (!scale) throw new RangeError(`No mileage scale for trips of ${year} (the first is of ${MILEAGE_SCALES[0].year})`);
  return scale;
}

/** The horsepower column of the scale: 3 CV and less in the first, 7 CV and more in the last. */
export const horsepowerColumn = (fiscalHorsepower: number): Horsepower => Math.min(7, Math.max(3, fiscalHorsepower)) as Horsepower;

/**
 * The allowance of a whole yearly distance, in cents: the band of that distance, the amount in
 * thousandths of a euro exactly, +20 % for an electric car, then rounded half up to the cent once.
 */
export function yearlyAllowanceCents(scale: MileageScale, fiscalHorsepower: number, electric: boolean, yearKm: number): bigint {
  if (!Number.isSafeInteger(yearKm) || yearKm < 0) throw new RangeError("a distance is a whole number of km, 0 or more");
  const bands = scale.bands[horsepowerColumn(fiscalHorsepower)];
  const applied = bands.find((candidate) => candidate.upToKm === null || yearKm <= candidate.upToKm) ?? bands[bands.length - 1];
  const milli = BigInt(yearKm) * applied.perKmMilli + applied.fixedEuros * 1000n;
  // milli / 10 cents, × 6/5 when electric: one division, one rounding.
  return electric ? roundDiv(milli * 6n, 50n) : roundDiv(milli, 10n);
}

export interface TripAllowance {
  scaleYear: number;
  /** The band's number (1: up to 5,000 km, 2: to 20,000 km, 3: beyond), by the yearly distance after the trip. */
  band: 1 | 2 | 3;
  amountCents: bigint;
}

/**
 * A trip's allowance: what the scale gives for the year's distance after it, minus what it gives
 * for the distance before it (per person and vehicle, trips of the year taken in the order they are
 * recorded). The band is thus the one the cumulative yearly distance reaches, and the trips of a
 * year add up to exactly the scale's amount for the year's total distance, to the cent: each
 * cumulative figure is rounded once and the differences telescope.
 */
export function tripAllowance(year: number, fiscalHorsepower: number, electric: boolean, yearKmBefore: number, km: number): TripAllowance {
  if (!Number.isSafeInteger(km) || km <= 0) throw new RangeError("a trip's distance is a whole number of km above 0");
  const scale = mileageScaleFor(year);
  const after = yearKmBefore + km;
  const amountCents =
    yearlyAllowanceCents(scale, fiscalHorsepower, electric, after) - yearlyAllowanceCents(scale, fiscalHorsepower, electric, yearKmBefore);
  return { scaleYear: scale.year, band: after <= 5000 ? 1 : after <= 20000 ? 2 : 3, amountCents };
}
