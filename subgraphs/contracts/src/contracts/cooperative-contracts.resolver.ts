import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import {
  ContractKind,
  mapConnection,
  PageArgs,
  pageOfQuery,
  todayInFrance,
  type ContractKind as ContractKindValue,
  type ContractStatus as ContractStatusValue,
} from "@cae/shared";
import type { SelectQueryBuilder } from "typeorm";
import type { ContractsContext } from "../context";
import { ContractEntity } from "./contract.entity";
import { toContract } from "./contract.mapper";
import { lastDaySql, runningOnSql, signedSql } from "./contract.sql";
import { ContractConnection, ContractStatus, Cooperative } from "./contract.type";

@ArgsType()
export class CooperativeContractsArgs extends PageArgs {
  @Field(() => ContractKind, { nullable: true, description: "Only the contracts of this kind." })
  kind?: ContractKindValue | null;

  @Field(() => ContractStatus, { nullable: true, description: "Only the contracts in this state today." })
  status?: ContractStatusValue | null;
}

/** Narrows a query of contracts to those whose `statusOn(today)` is `status`: the same reading of the dates, in SQL. */
export function whereStatusIs(query: SelectQueryBuilder<ContractEntity>, status: ContractStatusValue, today: string) {
  if (status === "DRAFT" || status === "CANCELLED") return query.andWhere("contract.state = :state", { state: status });
  if (status === "SIGNED") return query.andWhere(`${signedSql("contract")} AND contract.starts_on > :today`, { today });
  if (status === "ENDED") return query.andWhere(`${signedSql("contract")} AND ${lastDaySql("contract")} < :today`, { today });
  return query.andWhere(runningOnSql("contract", ":today"), { today });
}

@Resolver(() => Cooperative)
export class CooperativeContractsResolver {
  @FieldResolver(() => ContractConnection, {
    nullable: true,
    description:
      "The cooperative's contracts, latest start first, filtered by kind and by state today. Null when its service does not answer.",
  })
  async contracts(
    @Root() _cooperative: Cooperative,
    @Args(() => CooperativeContractsArgs) args: CooperativeContractsArgs,
    @Ctx() ctx: ContractsContext,
  ) {
    const today = todayInFrance();
    const query = ctx.db.getRepository(ContractEntity).createQueryBuilder("contract");
    if (args.kind) query.andWhere("contract.kind = :kind", { kind: args.kind });
    if (args.status) whereStatusIs(query, args.status, today);
    const connection = await pageOfQuery(
      query,
      args,
      [
        { column: "contract.startsOn", property: "startsOn" },
        { column: "contract.id", property: "id" },
      ],
      "DESC",
    );
    return mapConnection(connection, (contract) => toContract(contract, ctx.cooperativeId, today));
  }
}
