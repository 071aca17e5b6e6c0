import { CreateAuditEvents1764400000001, CreateEventTables1766000000001 } from "@cae/shared";
import { CreatePeople1764400000000 } from "./1764400000000-CreatePeople";
import { CreateAssociatesAndExits1764500000000 } from "./1764500000000-CreateAssociatesAndExits";
import { CreatePartnersAndReceptions1764600000000 } from "./1764600000000-CreatePartnersAndReceptions";
import { AddErasure1764700000000 } from "./1764700000000-AddErasure";
import { CreateActivities1764800000000 } from "./1764800000000-CreateActivities";
import { CreateCounselorsAndSessions1764900000000 } from "./1764900000000-CreateCounselorsAndSessions";
import { CreateInformationMeetings1765000000000 } from "./1765000000000-CreateInformationMeetings";
import { SiblingFacts1766000000000 } from "./1766000000000-SiblingFacts";
import { CreateCooperativeProfile1765100000000 } from "./1765100000000-CreateCooperativeProfile";
import { Corrections1766100000000 } from "./1766100000000-Corrections";
import { FunderFacts1766300000000 } from "./1766300000000-FunderFacts";

/** Every migration of the members subgraph, oldest first. */
export const migrations = [
  CreatePeople1764400000000,
  CreateAuditEvents1764400000001,
  CreateAssociatesAndExits1764500000000,
  CreatePartnersAndReceptions1764600000000,
  AddErasure1764700000000,
  CreateActivities1764800000000,
  CreateCounselorsAndSessions1764900000000,
  CreateInformationMeetings1765000000000,
  CreateCooperativeProfile1765100000000,
  SiblingFacts1766000000000,
  CreateEventTables1766000000001,
  Corrections1766100000000,
  FunderFacts1766300000000,
];
