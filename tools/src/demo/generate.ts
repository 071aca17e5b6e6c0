import { createHash } from "node:crypto";
import {
  addMonths as addMonthsToDate,
  dayNumber,
  DEFAULT_MINIMUM_WAGE,
  hundredthsToHours,
  isoDate,
  minimumCentsPerHourOn,
  withSiretKey,
  type ContractKind,
  type ContractStatus,
  type Gender,
  type Sector,
  type WelcomeStage,
} from "@cae/shared";
import { between, pick, pickWeighted, seededRandom, type Random } from "./random";
import { ACTIVITY_LABELS, EPICENE_FIRST_NAMES, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./names";
import type { EducationLevel } from "@cae/members";
import type {
  DemoActivityAccount,
  DemoContract,
  DemoCooperative,
  DemoCooperativeProfile,
  DemoEntrySituation,
  DemoPerson,
  IsoDate,
} from "./types";

/** The demo data is frozen at this date, so that it never depends on when it is generated. */
export const DEMO_TODAY: IsoDate = "2026-11-01";
const FIRST_CONTACT_FROM: IsoDate = "2022-01-01";
const FIRST_CONTACT_TO: IsoDate = "2026-10-15";

/** Hours a month in hundredths; amendments make CESAs grow through these steps in practice. */
const COMMON_HOURS_HUNDREDTHS = [3500, 5000, 7000, 8667, 10400, 12133, 15167];

const SECTOR_WEIGHTS: readonly [Sector, number][] = [
  ["SERVICES", 40],
  ["CRAFTS", 17],
  ["TRAINING", 13],
  ["BUILDING", 12],
  ["MOBILE_TRADE", 8],
  ["AGRICULTURE", 6],
  ["OTHER", 4],
];
/** Trades whose businesses customarily carry the owner's name ("Ébénisterie Martin"). */
const SECTORS_NAMED_AFTER_OWNER: ReadonlySet<Sector> = new Set(["CRAFTS", "BUILDING"]);

/** A v4-shaped UUID derived from its parts, so that each subgraph seeding alone finds the same IDs. */
export function demoUuid(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fictional SIRET with a valid key, made from the cooperative's ID: the members and finance demos show the same one. */
export const demoSiret = (cooperativeId: string): string =>
  withSiretKey(demoUuid(cooperativeId, "siret").replace(/\D/g, "").padEnd(13, "7").slice(0, 13));

// Dates are handled as UTC day numbers (shared/src/dates.ts), so that arithmetic never meets time zones or DST.
/** Same day of the month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
const addMonths = (day: number, months: number): number => dayNumber(addMonthsToDate(isoDate(day), months));
const TODAY = dayNumber(DEMO_TODAY);

/**
 * The legal floor on a day, from the dated minimum-wage table. Before the table's first rate the
 * first rate is used: it is above every earlier one, so demo pay stays legal without more history.
 */
function smicCentsPerHourOn(day: number): bigint {
  return minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, isoDate(day)) ?? DEFAULT_MINIMUM_WAGE.metropolitan[0].centsPerHour;
}

const asciiSlug = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Share of each stage; at least two of each, so that every stage shows in the smallest demo. */
function stageQuota(size: number): WelcomeStage[] {
  const prospects = Math.max(2, Math.round(size * 0.12));
  const oriented = Math.max(2, Math.round(size * 0.1));
  const received = Math.max(2, Math.round(size * 0.05));
  const admitted = size - prospects - oriented - received;
  return [
    ...Array<WelcomeStage>(prospects).fill("PROSPECT"),
    ...Array<WelcomeStage>(oriented).fill("ORIENTED"),
    ...Array<WelcomeStage>(received).fill("RECEIVED"),
    ...Array<WelcomeStage>(admitted).fill("ADMITTED"),
  ];
}

/** Contracts not yet started are still being prepared (DRAFT) or signed ahead of their start. */
function statusOf(random: Random, startDay: number, endDay: number | null): ContractStatus {
  if (startDay > TODAY) return random() < 0.5 ? "DRAFT" : "SIGNED";
  return endDay !== null && endDay < TODAY ? "ENDED" : "RUNNING";
}

interface PlannedContract {
  kind: ContractKind;
  startDay: number;
  endDay: number | null;
}

/** The path of an admitted person after reception, in order; a contract always ends before the next one starts. */
function planPath(random: Random, receivedDay: number): PlannedContract[] {
  const objective: PlannedContract = { kind: "OBJECTIVE", startDay: receivedDay + between(random, 0, 30), endDay: null };
  const path = [objective];
  const route = random();
  const nextStart = objective.startDay + between(random, 30, 120);
  if (route < 0.12 || objective.startDay > TODAY) {
    objective.endDay = addMonths(objective.startDay, between(random, 2, 6));
    return path;
  }
  objective.endDay = nextStart - 1;
  let employmentStart = nextStart;
  if (route >= 0.22) {
    // Up to two renewals are allowed (36 months in all); demo paths renew once at most.
    let lastEnd = addMonths(nextStart, random() < 0.4 ? 6 : 12) - 1;
    path.push({ kind: "SUPPORT_AGREEMENT", startDay: nextStart, endDay: lastEnd });
    if (lastEnd < TODAY && random() < 0.25) {
      const renewalStart = lastEnd + 1;
      lastEnd = addMonths(renewalStart, random() < 0.5 ? 6 : 12) - 1;
      path.push({ kind: "SUPPORT_AGREEMENT", startDay: renewalStart, endDay: lastEnd });
    }
    if (lastEnd >= TODAY || random() < 0.35) return path;
    employmentStart = lastEnd + 1 + (random() < 0.6 ? 0 : between(random, 1, 45));
  }
  const employmentEnded = employmentStart < TODAY - 180 && random() < 0.12;
  path.push({
    kind: "EMPLOYMENT",
    startDay: employmentStart,
    endDay: employmentEnded ? between(random, employmentStart + 180, TODAY - 1) : null,
  });
  return path;
}

function employmentTerms(random: Random, startDay: number): { monthlyHours: string; fixedMonthlyPayCents: bigint } {
  const hundredths = random() < 0.8 ? pick(random, COMMON_HOURS_HUNDREDTHS) : between(random, 20, 150) * 100;
  const smicCents = (BigInt(hundredths) * smicCentsPerHourOn(startDay) + 99n) / 100n;
  // Half pay the legal floor; the others a fixed part rounded up to the euro plus a margin.
  const fixedMonthlyPayCents = random() < 0.5 ? smicCents : ((smicCents + 99n) / 100n + BigInt(between(random, 0, 400))) * 100n;
  return { monthlyHours: hundredthsToHours(hundredths), fixedMonthlyPayCents };
}

/** Education levels at entry (décret 2019-14), null for the few who did not say: CAE entrepreneurs are often graduates. */
const EDUCATION_WEIGHTS: readonly (readonly [EducationLevel | null, number])[] = [
  ["BELOW_LEVEL_3", 7],
  ["LEVEL_3", 12],
  ["LEVEL_4", 19],
  ["LEVEL_5", 18],
  ["LEVEL_6", 20],
  ["LEVEL_7", 19],
  ["LEVEL_8", 2],
  [null, 3],
];

/**
 * The INSEE code of the département of a French postcode: its first two digits, but three overseas
 * (97x), and in Corsica (20xxx) "2A" below 20200 and "2B" from it, as the two départements' postcodes
 * are split (Ajaccio 20000, Bastia 20200).
 */
export function departementOfPostcode(postcode: string): string {
  if (postcode.startsWith("97")) return postcode.slice(0, 3);
  if (postcode.startsWith("20")) return Number(postcode) < 20200 ? "2A" : "2B";
  return postcode.slice(0, 2);
}

/**
 * What a received person said of their situation at the reception: about 40 % registered job
 * seekers (a third of them for a year or more, half on the unemployment benefit), 15 % on the RSA,
 * 6 % recognised disabled workers, 10 % from a priority neighbourhood, education levels spread,
 * the département of their postcode; a few answers not given. Drawn from a generator of the
 * person's own and never from the cooperative's, so that every other demo figure stays as it was.
 */
function demoEntrySituation(cooperativeId: string, person: DemoPerson): DemoEntrySituation {
  const random = seededRandom(cooperativeId, "entry-situation", person.id);
  const receivedDay = dayNumber(person.receivedOn!);
  const roll = random();
  const jobSeeker = roll < 0.03 ? null : roll < 0.43;
  const longTerm = random() < 0.35;
  const sinceDays = longTerm ? between(random, 365, 1100) : between(random, 20, 364);
  const jobSeekerSince = jobSeeker === true && random() < 0.9 ? isoDate(receivedDay - sinceDays) : null;
  const unemploymentBenefit = jobSeeker === null ? null : jobSeeker && random() < 0.55;
  const rsa = random() < 0.02 ? null : random() < (jobSeeker && !unemploymentBenefit ? 0.4 : 0.1);
  return {
    personId: person.id,
    jobSeeker,
    jobSeekerSince,
    unemploymentBenefit,
    rsa,
    disabilityRecognised: random() < 0.03 ? null : random() < 0.06,
    educationLevel: pickWeighted(random, EDUCATION_WEIGHTS),
    priorityNeighbourhood: random() < 0.08 ? null : random() < 0.1,
    departement: departementOfPostcode(person.postcode),
    updatedOn: person.receivedOn!,
  };
}

function assertValidProfile(profile: DemoCooperativeProfile): void {
  if (!Number.isInteger(profile.size) || profile.size < 30 || profile.size > 200) {
    throw new RangeError(`Demo cooperative size must be an integer from 30 to 200, got ${profile.size}`);
  }
  if (profile.departments.length === 0 || !profile.departments.every((department) => /^\d{2,3}$/.test(department))) {
    throw new RangeError(
      `Demo cooperative departments must be 2- or 3-digit postcode prefixes, got ${JSON.stringify(profile.departments)}`,
    );
  }
}

/** The people, contracts and activity accounts of one demo cooperative; the same profile always gives the same data. */
export function generateDemoCooperative(profile: DemoCooperativeProfile): DemoCooperative {
  assertValidProfile(profile);
  const random = seededRandom(profile.id);
  const stages = stageQuota(profile.size);
  for (let i = stages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stages[i], stages[j]] = [stages[j], stages[i]];
  }
  // A pending decision is recent: nobody waits months after a reception.
  const arrivals = stages
    .map((welcomeStage) => ({
      welcomeStage,
      firstContactDay: between(
        random,
        welcomeStage === "RECEIVED" ? TODAY - 100 : dayNumber(FIRST_CONTACT_FROM),
        dayNumber(FIRST_CONTACT_TO),
      ),
    }))
    .sort((a, b) => a.firstContactDay - b.firstContactDay);

  const people: DemoPerson[] = [];
  const contracts: DemoContract[] = [];
  const openings: { personId: string; openedDay: number; sector: Sector; label: string }[] = [];
  const emails = new Set<string>();

  arrivals.forEach(({ welcomeStage, firstContactDay }, index) => {
    const id = demoUuid(profile.id, "person", String(index));
    const genderRoll = random();
    const gender: Gender = genderRoll < 0.55 ? "FEMALE" : genderRoll < 0.96 ? "MALE" : genderRoll < 0.98 ? "OTHER" : "UNDISCLOSED";
    const firstName = pick(random, gender === "FEMALE" ? FEMALE_FIRST_NAMES : gender === "MALE" ? MALE_FIRST_NAMES : EPICENE_FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const localPart = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
    let email = `${localPart}@example.fr`;
    for (let suffix = 2; emails.has(email); suffix++) email = `${localPart}${suffix}@example.fr`;
    emails.add(email);
    const department = pick(random, profile.departments);
    const receivedDay = welcomeStage === "PROSPECT" ? null : firstContactDay + between(random, 7, Math.min(40, TODAY - firstContactDay));
    people.push({
      id,
      firstName,
      lastName,
      email,
      phone: [pick(random, ["06", "07"]), ...Array.from({ length: 4 }, () => String(between(random, 0, 99)).padStart(2, "0"))].join(" "),
      gender,
      // Two draws make the ages cluster around 40-45, like CAE entrepreneurs, within 1960-2002.
      birthYear: 1960 + Math.round((between(random, 0, 42) + between(random, 0, 42)) / 2),
      postcode: department + String(between(random, 0, 10 ** (4 - department.length) - 1)).padStart(4 - department.length, "0") + "0",
      welcomeStage,
      firstContactOn: isoDate(firstContactDay),
      receivedOn: receivedDay === null ? null : isoDate(receivedDay),
    });
    if (welcomeStage !== "ADMITTED" || receivedDay === null) return;

    const path = planPath(random, receivedDay);
    for (const planned of path) {
      const terms = planned.kind === "EMPLOYMENT" ? employmentTerms(random, planned.startDay) : null;
      contracts.push({
        id: demoUuid(profile.id, "contract", String(contracts.length)),
        personId: id,
        kind: planned.kind,
        status: statusOf(random, planned.startDay, planned.endDay),
        startsOn: isoDate(planned.startDay),
        endsOn: planned.endDay === null ? null : isoDate(planned.endDay),
        monthlyHours: terms?.monthlyHours ?? null,
        fixedMonthlyPayCents: terms?.fixedMonthlyPayCents ?? null,
      });
    }
    // The analytic account opens with the first hosted activity, i.e. once a CAPE or CESA has started.
    const firstHosted = path.find((planned) => planned.kind !== "OBJECTIVE");
    if (!firstHosted || firstHosted.startDay > TODAY) return;
    const activityCount = random() < 0.08 ? 2 : 1;
    for (let activity = 0; activity < activityCount; activity++) {
      const sector = pickWeighted(random, SECTOR_WEIGHTS);
      const trade = pick(random, ACTIVITY_LABELS[sector]);
      const label = SECTORS_NAMED_AFTER_OWNER.has(sector) && random() < 0.5 ? `${trade} ${lastName}` : trade;
      openings.push({ personId: id, openedDay: firstHosted.startDay, sector, label });
    }
  });

  // Analytic codes follow the order in which accounts were opened, as a cooperative numbers them.
  const accounts: DemoActivityAccount[] = openings
    .sort((a, b) => a.openedDay - b.openedDay)
    .map(({ personId, openedDay, sector, label }, index) => ({
      id: demoUuid(profile.id, "account", String(index)),
      personId,
      analyticCode: `ACT-${String(index + 1).padStart(4, "0")}`,
      label,
      sector,
      openedOn: isoDate(openedDay),
    }));
  const entrySituations = people.filter((person) => person.receivedOn !== null).map((person) => demoEntrySituation(profile.id, person));
  return { people, contracts, accounts, entrySituations };
}
