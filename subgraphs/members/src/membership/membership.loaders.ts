import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { AssociateEntity, ExitEntity } from "./membership.entity";

export function createMembershipLoaders(db: DataSource) {
  return {
    associateByPerson: loaderByKey(
      (personIds: readonly string[]) => db.getRepository(AssociateEntity).findBy({ personId: In([...personIds]) }),
      (associate) => associate.personId,
    ),
    exitByPerson: loaderByKey(
      (personIds: readonly string[]) => db.getRepository(ExitEntity).findBy({ personId: In([...personIds]) }),
      (exit) => exit.personId,
    ),
  };
}
