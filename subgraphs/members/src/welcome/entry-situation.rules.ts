import { badUserInput, isDepartementCode, pastDate, todayInFrance } from "@cae/shared";
import type { EntrySituationEntity } from "./entry-situation.entity";
import type { EntrySituationInput } from "./entry-situation.type";

/**
 * A département of residence as given: trimmed and upper-cased ("2a" is "2A"); blank or absent is
 * not said (null); anything else must be a département's INSEE code, refused naming `field`.
 */
export function departementCode(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const code = value.trim().toUpperCase();
  if (isDepartementCode(code)) return code;
  const shown = JSON.stringify(code.length > 10 ? `${code.slice(0, 10)}…` : code);
  if (code === "20") throw badUserInput(`${field} "20" is no longer a département: Corsica is "2A" or "2B"`, field);
  throw badUserInput(
    `${field} ${shown} is not the INSEE code of a département ("01" to "95" except "20", "2A", "2B", "971" to "976")`,
    field,
  );
}

/** From 16, when compulsory schooling ends (Code de l'éducation L131-1), one registers with France Travail. */
export const JOB_SEEKER_MINIMUM_AGE = 16;

/** Whether a registration as a job seeker on `since` would have been before the age of 16 for someone born in `birthYear`. */
export const registeredTooYoung = (since: string, birthYear: number): boolean =>
  Number(since.slice(0, 4)) < birthYear + JOB_SEEKER_MINIMUM_AGE;

/** What the rules of a situation at entry are checked against: the person and their reception. */
export interface EntryFacts {
  /** The reception's date: the situation is the one of that day. */
  receivedOn: string;
  birthYear: number | null;
}

/** A situation at entry as stored, without its person and date. */
export type CheckedEntrySituation = Omit<EntrySituationEntity, "personId" | "updatedOn">;

/**
 * A situation at entry as accepted: the one place of its rules, for the reception and for a
 * correction alike. An absent answer is null (not asked or not said). `field` prefixes the names
 * of refused fields ("input", "input.entrySituation").
 */
export function checkedEntrySituation(
  input: EntrySituationInput,
  field: string,
  facts: EntryFacts,
  today: string = todayInFrance(),
): CheckedEntrySituation {
  const jobSeeker = input.jobSeeker ?? null;
  const jobSeekerSince = pastDate(input.jobSeekerSince ?? null, `${field}.jobSeekerSince`, today);
  if (jobSeekerSince !== null) {
    if (jobSeeker !== true) {
      throw badUserInput(
        `${field}.jobSeekerSince goes with a registered job seeker only (jobSeeker: true), not with jobSeeker: ${jobSeeker}`,
        `${field}.jobSeekerSince`,
      );
    }
    if (jobSeekerSince > facts.receivedOn) {
      throw badUserInput(
        `${field}.jobSeekerSince ${jobSeekerSince} is after the reception (${facts.receivedOn}): the situation at entry is the one of that day`,
        `${field}.jobSeekerSince`,
      );
    }
    if (facts.birthYear !== null && registeredTooYoung(jobSeekerSince, facts.birthYear)) {
      throw badUserInput(
        `${field}.jobSeekerSince ${jobSeekerSince} is before the person was ${JOB_SEEKER_MINIMUM_AGE} (born in ${facts.birthYear})`,
        `${field}.jobSeekerSince`,
      );
    }
  }
  const unemploymentBenefit = input.unemploymentBenefit ?? null;
  // The ARE is paid to registered job seekers (Code du travail L5421-3): a "no" to the registration contradicts it.
  if (unemploymentBenefit === true && jobSeeker === false) {
    throw badUserInput(
      `${field}.unemploymentBenefit: the unemployment benefit (ARE) is paid to registered job seekers, and jobSeeker is false`,
      `${field}.unemploymentBenefit`,
    );
  }
  return {
    jobSeeker,
    jobSeekerSince,
    unemploymentBenefit,
    rsa: input.rsa ?? null,
    disabilityRecognised: input.disabilityRecognised ?? null,
    educationLevel: input.educationLevel ?? null,
    priorityNeighbourhood: input.priorityNeighbourhood ?? null,
    departement: departementCode(input.departement, `${field}.departement`),
  };
}
