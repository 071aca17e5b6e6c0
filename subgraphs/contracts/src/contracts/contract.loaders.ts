import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { AmendmentEntity, CommitmentEntity, ContractEntity, RenewalEntity } from "./contract.entity";
import { ContractTemplateEntity } from "../templates/template.entity";

/** One statement per kind of row for all the contracts of a request, results in key order. */
export function createContractLoaders(db: DataSource) {
  const contracts = db.getRepository(ContractEntity);
  return {
    contractById: loaderByKey(
      (ids: readonly string[]) => contracts.findBy({ id: In([...ids]) }),
      (contract) => contract.id,
    ),
    /** Each person's contracts in path order. */
    contractsByPerson: loaderOfLists(
      (personIds: readonly string[]) => contracts.find({ where: { personId: In([...personIds]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (contract) => contract.personId,
    ),
    amendmentsByContract: loaderOfLists(
      (contractIds: readonly string[]) =>
        db.getRepository(AmendmentEntity).find({ where: { contractId: In([...contractIds]) }, order: { number: "ASC" } }),
      (amendment) => amendment.contractId,
    ),
    renewalsByContract: loaderOfLists(
      (contractIds: readonly string[]) =>
        db.getRepository(RenewalEntity).find({ where: { contractId: In([...contractIds]) }, order: { number: "ASC" } }),
      (renewal) => renewal.contractId,
    ),
    commitmentsByContract: loaderOfLists(
      (contractIds: readonly string[]) =>
        db.getRepository(CommitmentEntity).find({ where: { contractId: In([...contractIds]) }, order: { position: "ASC" } }),
      (commitment) => commitment.contractId,
    ),
    /** Every version of each kind's template, oldest first: a handful of rows, one statement for the request. */
    templateVersionsByKind: loaderOfLists(
      (kinds: readonly string[]) =>
        db.getRepository(ContractTemplateEntity).find({ where: { kind: In([...kinds]) as never }, order: { version: "ASC" } }),
      (template) => template.kind as string,
    ),
  };
}
