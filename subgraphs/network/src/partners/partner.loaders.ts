import { loaderByKey } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { NetworkPartnerEntity } from "./partner.entity";

export function createPartnerLoaders(db: DataSource) {
  return {
    /** The network's partners by local ID: one statement for the partners of a page of agreements. */
    networkPartner: loaderByKey(
      (ids: readonly string[]) => db.getRepository(NetworkPartnerEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}
