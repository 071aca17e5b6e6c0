import { demoProfile, generateDemoCooperative, type DemoContract } from "@cae/shared";
import type { DataSource } from "typeorm";
import { AssociateEntity, ExitEntity } from "./membership/membership.entity";
import type { ExitReason } from "./membership/membership.type";
import { PersonEntity } from "./people/person.entity";

const EXIT_REASONS: ExitReason[] = [
  "OWN_COMPANY",
  "SALARIED_JOB",
  "NOT_VIABLE",
  "OWN_COMPANY",
  "ABANDONED",
  "TRAINING",
  "HEALTH_OR_PERSONAL",
];
/** A common share value in CAEs: 50 EUR. */
const SHARE_VALUE_CENTS = 5000n;

/** Whole years between two ISO dates, roughly: enough to pick who has been employed a while. */
const yearsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);

/**
 * Associates and exits, derived from the demo contracts so that the three subgraphs tell one story:
 * people whose every contract has ended left on the last end date; half of those employed for more
 * than a year became associates a year after their hire.
 */
export function demoMembership(contracts: DemoContract[], today = "2026-11-01") {
  const byPerson = new Map<string, DemoContract[]>();
  for (const contract of contracts) byPerson.set(contract.personId, [...(byPerson.get(contract.personId) ?? []), contract]);
  const associates: Omit<AssociateEntity, "endedOn">[] = [];
  const exits: ExitEntity[] = [];
  [...byPerson.entries()].forEach(([personId, own], index) => {
    const open = own.filter((contract) => contract.status !== "ENDED" && contract.status !== "CANCELLED");
    if (open.length === 0) {
      const exitedOn = own
        .map((contract) => contract.endsOn ?? contract.startsOn)
        .sort()
        .at(-1)!;
      exits.push({ personId, exitedOn, reason: EXIT_REASONS[index % EXIT_REASONS.length], notes: null });
      return;
    }
    const employment = own.find((contract) => contract.kind === "EMPLOYMENT" && contract.status === "RUNNING");
    if (employment && yearsBetween(employment.startsOn, today) > 1 && index % 2 === 0) {
      const admittedOn = new Date(Date.parse(employment.startsOn) + 365 * 86_400_000).toISOString().slice(0, 10);
      associates.push({ personId, admittedOn, shares: 1 + (index % 8), shareValueCents: SHARE_VALUE_CENTS });
    }
  });
  return { associates, exits };
}

/** Writes the cooperative's demo people, associates and exits, once: a restart finds them and writes nothing. */
export async function seedDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const people = manager.getRepository(PersonEntity);
    if ((await people.count()) > 0) return;
    const demo = generateDemoCooperative(demoProfile(cooperativeId));
    await people.insert(demo.people.map((person) => ({ ...person })));
    const { associates, exits } = demoMembership(demo.contracts);
    if (associates.length > 0)
      await manager.getRepository(AssociateEntity).insert(associates.map((associate) => ({ ...associate, endedOn: null })));
    if (exits.length > 0) await manager.getRepository(ExitEntity).insert(exits);
  });
}
