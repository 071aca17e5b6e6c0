import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { ContractEntity } from "./contract.entity";

export function createContractLoaders(db: DataSource) {
  const contracts = db.getRepository(ContractEntity);
  return {
    contractById: loaderByKey(
      (ids: readonly string[]) => contracts.findBy({ id: In([...ids]) }),
      (contract) => contract.id,
    ),
    /** Each person's contracts in path order: one statement for every person of the request. */
    contractsByPerson: loaderOfLists(
      (personIds: readonly string[]) => contracts.find({ where: { personId: In([...personIds]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (contract) => contract.personId,
    ),
  };
}
