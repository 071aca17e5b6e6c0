import { loaderByKey, loaderOfLists } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { RegisteredCooperativeEntity } from "../registry/registry.entity";
import { FundingAgreementEntity } from "./funding.entity";
import type { FundingTerritory } from "./funding.type";

/** A territory as a loader key: "NETWORK", "REGION:Bretagne", "DEPARTEMENT:35". */
export const territoryKey = (territory: FundingTerritory): string =>
  territory.kind === "NETWORK" ? "NETWORK" : `${territory.kind}:${territory.kind === "REGION" ? territory.region : territory.departement}`;

/**
 * The slugs of the registry's current cooperatives (not withdrawn) in each territory, by slug: one
 * statement for every territory of a page of agreements. The whole network is every current one.
 */
function cooperativesOfTerritories(db: DataSource) {
  return loaderOfLists(
    async (keys: readonly string[]) => {
      const regions = keys.filter((key) => key.startsWith("REGION:")).map((key) => key.slice("REGION:".length));
      const departements = keys.filter((key) => key.startsWith("DEPARTEMENT:")).map((key) => key.slice("DEPARTEMENT:".length));
      const query = db
        .getRepository(RegisteredCooperativeEntity)
        .createQueryBuilder("c")
        .select(["c.id", "c.region", "c.departement"])
        .where("c.withdrawnOn IS NULL")
        .orderBy("c.id");
      if (!keys.includes("NETWORK")) {
        query.andWhere("(c.region = ANY(:regions) OR c.departement = ANY(:departements))", { regions, departements });
      }
      const cooperatives = await query.getMany();
      // A cooperative is in the network, its region and its département: one row for each territory asked that holds it.
      return keys.flatMap((key) =>
        cooperatives
          .filter(
            (c) => key === "NETWORK" || key === `REGION:${c.region}` || (c.departement !== null && key === `DEPARTEMENT:${c.departement}`),
          )
          .map((c) => ({ key, cooperativeId: c.id })),
      );
    },
    (row) => row.key,
  );
}

export function createFundingLoaders(db: DataSource) {
  return {
    /** Agreements by local ID: one statement for the agreements of a page of committees, or of a gateway's `_entities`. */
    fundingAgreement: loaderByKey(
      (ids: readonly string[]) => db.getRepository(FundingAgreementEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    /** Each partner's agreements, latest start first: one statement for a page of partners. */
    partnerFundingAgreements: loaderOfLists(
      (partnerIds: readonly string[]) =>
        db.getRepository(FundingAgreementEntity).find({
          where: { partnerId: In([...partnerIds]) },
          order: { startsOn: "DESC", id: "DESC" },
        }),
      (row) => row.partnerId,
    ),
    territoryCooperatives: cooperativesOfTerritories(db),
  };
}
