import { Ctx, Directive, FieldResolver, Resolver } from "type-graphql";
import { encodeId, queryPrepared, type ContractKind } from "@cae/shared";
import type { ContractsContext } from "../context";
import { ContractMilestones, Cooperative } from "./contract.type";
import { signedSql } from "./contract.sql";

interface MilestoneRow {
  person_id: string;
  objective_on: string | null;
  support_on: string | null;
  employment_on: string | null;
}

const MILESTONES_SQL = `SELECT person_id,
    to_char(min(starts_on) FILTER (WHERE kind = 'OBJECTIVE'), 'YYYY-MM-DD') AS objective_on,
    to_char(min(starts_on) FILTER (WHERE kind = 'SUPPORT_AGREEMENT'), 'YYYY-MM-DD') AS support_on,
    to_char(min(starts_on) FILTER (WHERE kind = 'EMPLOYMENT'), 'YYYY-MM-DD') AS employment_on
  FROM contracts c WHERE ${signedSql("c")} GROUP BY person_id ORDER BY person_id`;

@Resolver(() => Cooperative)
export class CooperativeMilestonesResolver {
  // Read by the planner for the members subgraph's `@requires` (stage filters and aggregates),
  @Directive("@inaccessible")
  @FieldResolver(() => [ContractMilestones], {
    description: "Each person's contract steps (one grouped statement); for the members subgraph, never for clients.",
  })
  async contractMilestones(@Ctx() ctx: ContractsContext): Promise<ContractMilestones[]> {
    const rows = await queryPrepared<MilestoneRow>(ctx.db, "contract_milestones", MILESTONES_SQL, []);
    return rows.map((row) => ({
      personId: encodeId(ctx.cooperativeId, row.person_id),
      furthestContractKind: furthestOf(row),
      objectiveContractOn: row.objective_on,
      supportAgreementOn: row.support_on,
      employmentContractOn: row.employment_on,
    }));
  }
}

const furthestOf = (row: MilestoneRow): ContractKind | null =>
  row.employment_on ? "EMPLOYMENT" : row.support_on ? "SUPPORT_AGREEMENT" : row.objective_on ? "OBJECTIVE" : null;
