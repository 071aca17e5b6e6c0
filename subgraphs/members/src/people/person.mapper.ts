import { encodeId } from "@cae/shared";
import type { PersonEntity } from "./person.entity";
import type { Person } from "./person.type";

/** What of a person leaves the database: listed field by field, so a new column never leaks. */
export function toPerson(entity: PersonEntity, cooperativeId: string): Person {
  return {
    id: encodeId(cooperativeId, entity.id),
    firstName: entity.firstName,
    lastName: entity.lastName,
    email: entity.email,
    phone: entity.phone,
    gender: entity.gender,
    birthYear: entity.birthYear,
    postcode: entity.postcode,
    welcomeStage: entity.welcomeStage,
    firstContactOn: entity.firstContactOn,
    receivedOn: entity.receivedOn,
    cooperative: { id: cooperativeId },
    erasedAt: entity.erasedAt,
    counselorId: entity.counselorId,
    referringPartnerId: entity.referringPartnerId,
  };
}
