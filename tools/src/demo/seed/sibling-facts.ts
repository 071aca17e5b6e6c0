import type { EntityManager } from "typeorm";
import { demoProfile, generateDemoCooperative } from "..";
import { demoMembership } from "./members";
import type { DemoContractRecords } from "./contracts";

/**
 * The demo's `person_path` rows of the contracts and finance subgraphs: what the members
 * subgraph's events would have told them of each demo person (seeded apart, the three agree).
 */
export async function seedDemoPersonPaths(manager: EntityManager, cooperativeId: string): Promise<void> {
  const demo = generateDemoCooperative(demoProfile(cooperativeId));
  const exits = new Map(demoMembership(demo.contracts).exits.map((exit) => [exit.personId, exit.exitedOn]));
  const people = demo.people;
  await manager.query(
    `INSERT INTO person_path (person_id, welcome_stage, exited_on)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])`,
    [people.map((person) => person.id), people.map((person) => person.welcomeStage), people.map((person) => exits.get(person.id) ?? null)],
  );
}

/** The members subgraph's `person_contracts` and `person_accounts`: what the contracts and finance subgraphs' events would have told it. */
export async function seedDemoSiblingFacts(manager: EntityManager, cooperativeId: string, records: DemoContractRecords): Promise<void> {
  const signed = records.contracts.filter((contract) => contract.state === "SIGNED" || contract.state === "ENDED");
  const lastDay = (contract: (typeof signed)[number]) =>
    contract.endedOn && (!contract.endsOn || contract.endedOn < contract.endsOn) ? contract.endedOn : contract.endsOn;
  await manager.query(
    `INSERT INTO person_contracts (contract_id, person_id, kind, employment_type, monthly_hours, starts_on, last_day, ended)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::date[], $7::date[], $8::boolean[])`,
    [
      signed.map((contract) => contract.id),
      signed.map((contract) => contract.personId),
      signed.map((contract) => contract.kind),
      signed.map((contract) => contract.employmentType),
      signed.map((contract) => contract.monthlyHours),
      signed.map((contract) => contract.startsOn),
      signed.map(lastDay),
      signed.map((contract) => contract.state === "ENDED"),
    ],
  );
  const accounts = generateDemoCooperative(demoProfile(cooperativeId)).accounts;
  await manager.query(
    `INSERT INTO person_accounts (account_id, person_id, opened_on) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[])`,
    [accounts.map((account) => account.id), accounts.map((account) => account.personId), accounts.map((account) => account.openedOn)],
  );
}
