import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { PartnerEntity, ReceptionEntity } from "./welcome.entity";

export function createWelcomeLoaders(db: DataSource) {
  return {
    receptionByPerson: loaderByKey(
      (personIds: readonly string[]) => db.getRepository(ReceptionEntity).findBy({ personId: In([...personIds]) }),
      (reception) => reception.personId,
    ),
    partnerById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(PartnerEntity).findBy({ id: In([...ids]) }),
      (partner) => partner.id,
    ),
  };
}
