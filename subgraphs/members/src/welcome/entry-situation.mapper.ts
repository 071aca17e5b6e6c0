import type { EntrySituationEntity } from "./entry-situation.entity";
import type { EntrySituation } from "./entry-situation.type";

/** What of a situation at entry leaves the database: listed field by field, so a new column never leaks. */
export const toEntrySituation = (entity: EntrySituationEntity): EntrySituation => ({
  jobSeeker: entity.jobSeeker,
  jobSeekerSince: entity.jobSeekerSince,
  unemploymentBenefit: entity.unemploymentBenefit,
  rsa: entity.rsa,
  disabilityRecognised: entity.disabilityRecognised,
  educationLevel: entity.educationLevel,
  priorityNeighbourhood: entity.priorityNeighbourhood,
  departement: entity.departement,
  updatedOn: entity.updatedOn,
});
