import { addDays, daysBetween, type Sector } from "@cae/shared";
import {
  between,
  DEMO_TODAY,
  demoProfile,
  demoSiret,
  demoUuid,
  generateDemoCooperative,
  pickWeighted,
  seededRandom,
  type DemoContract,
  type DemoCooperative,
} from "..";
import type { DataSource } from "typeorm";
import { demoContractRecords } from "./contracts";
import { seedDemoSiblingFacts } from "./sibling-facts";
import {
  ActivityEntity,
  InformationMeetingEntity,
  MeetingAttendanceEntity,
  AssociateEntity,
  ExitEntity,
  PersonEntity,
  CooperativeProfileEntity,
  CounselorEntity,
  SupportSessionEntity,
  SupportSessionPersonEntity,
  PartnerEntity,
  ReceptionEntity,
  EntrySituationEntity,
  ExitFollowUpEntity,
  followUpDueOn,
  type ExitFollowUpSituation,
  type ExitReason,
  type SessionTopic,
  type PartnerKind,
  type ProjectProgress,
} from "@cae/members";

const EXIT_REASONS: ExitReason[] = [
  "OWN_COMPANY",
  "SALARIED_JOB",
  "NOT_VIABLE",
  "OWN_COMPANY",
  "ABANDONED",
  "TRAINING",
  "HEALTH_OR_PERSONAL",
];
/** A common share value in CAEs: 50 EUR. */
const SHARE_VALUE_CENTS = 5000n;

/** Whole years between two ISO dates, roughly: enough to pick who has been employed a while. */
const yearsBetween = (from: string, to: string) => daysBetween(from, to) / 365.25;

/**
 * Associates and exits, derived from the demo contracts so that the three subgraphs tell one story:
 * people whose every contract has ended left on the last end date; half of those employed for more
 * than a year, and all those employed for over two and a half years, became associates a year after their hire.
 */
export function demoMembership(contracts: DemoContract[], today = DEMO_TODAY) {
  const byPerson = new Map<string, DemoContract[]>();
  for (const contract of contracts) byPerson.set(contract.personId, [...(byPerson.get(contract.personId) ?? []), contract]);
  const associates: Omit<AssociateEntity, "endedOn">[] = [];
  const exits: ExitEntity[] = [];
  [...byPerson.entries()].forEach(([personId, own], index) => {
    const open = own.filter((contract) => contract.status !== "ENDED" && contract.status !== "CANCELLED");
    if (open.length === 0) {
      const exitedOn = own
        .map((contract) => contract.endsOn ?? contract.startsOn)
        .sort()
        .at(-1)!;
      exits.push({ personId, exitedOn, reason: EXIT_REASONS[index % EXIT_REASONS.length], notes: null });
      return;
    }
    const employment = own.find((contract) => contract.kind === "EMPLOYMENT" && contract.status === "RUNNING");
    // Half of those employed for over a year are associates, and everyone nearing the legal
    // deadline (3 years, L7331-3) is: a CESA does not run on past it without membership.
    const years = employment ? yearsBetween(employment.startsOn, today) : 0;
    if (employment && ((years > 1 && index % 2 === 0) || years > 2.5)) {
      const admittedOn = addDays(employment.startsOn, 365);
      associates.push({ personId, admittedOn, shares: 1 + (index % 8), shareValueCents: SHARE_VALUE_CENTS });
    }
  });
  return { associates, exits };
}

/** What people who left for each reason are found doing months later, in proportions. */
const OUTCOMES: Record<ExitReason, readonly (readonly [ExitFollowUpSituation, number])[]> = {
  OWN_COMPANY: [
    ["OWN_COMPANY_ACTIVE", 76],
    ["SALARIED_JOB", 7],
    ["JOB_SEEKING", 7],
    ["OTHER", 3],
    ["NOT_REACHED", 7],
  ],
  SALARIED_JOB: [
    ["SALARIED_JOB", 80],
    ["OWN_COMPANY_ACTIVE", 3],
    ["JOB_SEEKING", 8],
    ["TRAINING", 2],
    ["NOT_REACHED", 7],
  ],
  TRAINING: [
    ["TRAINING", 45],
    ["SALARIED_JOB", 25],
    ["JOB_SEEKING", 15],
    ["OWN_COMPANY_ACTIVE", 5],
    ["NOT_REACHED", 10],
  ],
  ABANDONED: [
    ["JOB_SEEKING", 35],
    ["SALARIED_JOB", 30],
    ["TRAINING", 10],
    ["OTHER", 10],
    ["NOT_REACHED", 15],
  ],
  NOT_VIABLE: [
    ["JOB_SEEKING", 35],
    ["SALARIED_JOB", 32],
    ["TRAINING", 10],
    ["OTHER", 8],
    ["NOT_REACHED", 15],
  ],
  RETIREMENT: [
    ["OTHER", 90],
    ["NOT_REACHED", 10],
  ],
  HEALTH_OR_PERSONAL: [
    ["OTHER", 45],
    ["JOB_SEEKING", 20],
    ["SALARIED_JOB", 15],
    ["NOT_REACHED", 20],
  ],
  CONTRACT_TERM: [
    ["OWN_COMPANY_ACTIVE", 40],
    ["SALARIED_JOB", 25],
    ["JOB_SEEKING", 25],
    ["NOT_REACHED", 10],
  ],
  OTHER: [
    ["OTHER", 40],
    ["JOB_SEEKING", 25],
    ["SALARIED_JOB", 20],
    ["NOT_REACHED", 15],
  ],
};

/**
 * The follow-ups 6 and 12 months after each demo exit that fell due by `today`, taken in the weeks
 * after their date; about one in ten is left to do, so that the list of follow-ups due shows some.
 * The 12-month situation is mostly the 6-month one. Drawn from a generator of each exit's own, so
 * that no other demo figure moves.
 */
export function demoExitFollowUps(cooperativeId: string, exits: ExitEntity[], today = DEMO_TODAY): ExitFollowUpEntity[] {
  return exits.flatMap((exit) => {
    const random = seededRandom(cooperativeId, "exit-follow-up", exit.personId);
    const followUps: ExitFollowUpEntity[] = [];
    for (const months of [6, 12] as const) {
      const recordedOn = addDays(followUpDueOn(exit.exitedOn, months), between(random, 0, 25));
      const skipped = random() < 0.1;
      const sameAsBefore = random() < 0.7;
      const drawn = pickWeighted(random, OUTCOMES[exit.reason]);
      if (recordedOn > today || skipped) continue;
      const before = followUps.at(-1)?.situation;
      const situation = before && before !== "NOT_REACHED" && sameAsBefore ? before : drawn;
      followUps.push({ personId: exit.personId, months, situation, recordedOn });
    }
    return followUps;
  });
}

const DEMO_PARTNERS: [string, PartnerKind][] = [
  ["France Travail, agence locale", "PUBLIC_EMPLOYMENT_SERVICE"],
  ["Mission locale", "PUBLIC_EMPLOYMENT_SERVICE"],
  ["Chambre de métiers et de l'artisanat", "BUSINESS_NETWORK"],
  ["Initiative France, plateforme locale", "FUNDER"],
  ["Région, service développement économique", "LOCAL_AUTHORITY"],
  ["Banque coopérative, agence centre", "BANK"],
];
const PROGRESS: ProjectProgress[] = ["IDEA", "OUTLINED", "OUTLINED", "READY"];
const SECTORS: Sector[] = ["SERVICES", "SERVICES", "CRAFTS", "TRAINING", "BUILDING", "MOBILE_TRADE", "AGRICULTURE", "OTHER"];

/** Partners and the receptions of everyone received: the decision follows each person's welcome stage. */
export function demoWelcome(cooperativeId: string, demo: DemoCooperative) {
  const partners = DEMO_PARTNERS.map(([name, kind], i) => ({
    id: demoUuid(cooperativeId, "partner", String(i)),
    name,
    kind,
    email: null,
    phone: null,
  }));
  const sectorOf = new Map(demo.accounts.map((account) => [account.personId, account.sector]));
  const receptions: ReceptionEntity[] = demo.people.flatMap((person, i) => {
    if (!person.receivedOn) return [];
    const sector = sectorOf.get(person.id) ?? SECTORS[i % SECTORS.length];
    const oriented = person.welcomeStage === "ORIENTED";
    return [
      {
        personId: person.id,
        receivedOn: person.receivedOn,
        projectSummary: `Projet d'activité (${sector.toLowerCase().replace("_", " ")}) présenté à l'accueil individuel.`,
        projectProgress: PROGRESS[i % PROGRESS.length],
        sector,
        decision: person.welcomeStage === "RECEIVED" ? "PENDING" : oriented ? "ORIENTED" : "ADMITTED",
        decidedOn: person.welcomeStage === "RECEIVED" ? null : person.receivedOn,
        partnerId: oriented ? partners[i % partners.length].id : null,
        orientationReason: oriented ? "Projet à consolider avec un partenaire avant un test d'activité." : null,
      } satisfies ReceptionEntity,
    ];
  });
  return { partners, receptions };
}

/** A plausible NAF code per sector, for the demo only. */
const DEMO_NAF: Record<Sector, string> = {
  SERVICES: "74.90B",
  CRAFTS: "32.99Z",
  MOBILE_TRADE: "47.81Z",
  TRAINING: "85.59A",
  BUILDING: "43.34Z",
  AGRICULTURE: "01.13Z",
  OTHER: "96.09Z",
};

/** One activity behind each demo activity account (finance), started the day the account opened. */
export function demoActivities(cooperativeId: string, demo: DemoCooperative): Omit<ActivityEntity, "createdAt">[] {
  return demo.accounts.map((account, i) => ({
    id: demoUuid(cooperativeId, "activity", String(i)),
    personId: account.personId,
    name: account.label,
    tradeName: i % 3 === 0 ? account.label.split(" ")[0] : null,
    sector: account.sector,
    nafCode: DEMO_NAF[account.sector],
    startedOn: account.openedOn,
  }));
}

const DEMO_COUNSELORS: [string, string][] = [
  ["Claire", "Dubois"],
  ["Mathieu", "Lemoine"],
  ["Sophie", "Marchand"],
];
const TOPICS: SessionTopic[] = ["COMMERCIAL", "MARKETING", "ACCOUNTING", "FINANCE", "COMMUNICATION", "ORGANISATION", "LEGAL"];

/** Counselors, who follows whom, and two individual interviews after the reception of each admitted person. */
export function demoFollowUp(cooperativeId: string, demo: DemoCooperative, partnerIds: string[], today = DEMO_TODAY) {
  const counselors = DEMO_COUNSELORS.map(([firstName, lastName], i) => ({
    id: demoUuid(cooperativeId, "counselor", String(i)),
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${cooperativeId}.example`,
  }));
  const followUp = new Map<string, { counselorId: string | null; referringPartnerId: string | null }>();
  const sessions: Omit<SupportSessionEntity, "createdAt">[] = [];
  const participants: SupportSessionPersonEntity[] = [];
  demo.people.forEach((person, i) => {
    const counselorId = person.receivedOn ? counselors[i % counselors.length].id : null;
    followUp.set(person.id, { counselorId, referringPartnerId: i % 3 === 0 ? partnerIds[i % partnerIds.length] : null });
    if (person.welcomeStage !== "ADMITTED" || !person.receivedOn || !counselorId) return;
    [30, 75].forEach((days, n) => {
      const heldOn = addDays(person.receivedOn!, days);
      if (heldOn > today) return;
      const id = demoUuid(cooperativeId, "session", person.id, String(n));
      sessions.push({
        id,
        counselorId,
        heldOn,
        durationMinutes: 60 + 30 * (i % 3),
        topic: TOPICS[(i + n) % TOPICS.length],
        kind: "INDIVIDUAL",
        notes: null,
      });
      participants.push({ sessionId: id, personId: person.id });
    });
  });
  return { counselors, followUp, sessions, participants };
}

/** One information meeting for each day people first came, which they all attended. */
export function demoMeetings(cooperativeId: string, demo: DemoCooperative, counselorIds: string[]) {
  const days = [...new Set(demo.people.map((person) => person.firstContactOn))].sort();
  const meetings = days.map((heldOn, i) => ({
    id: demoUuid(cooperativeId, "meeting", heldOn),
    heldOn,
    place: i % 2 === 0 ? "Locaux de la coopérative, salle commune" : "Tiers-lieu partenaire",
    facilitatorId: counselorIds[i % counselorIds.length],
  }));
  const attendances = demo.people.map((person) => ({
    meetingId: demoUuid(cooperativeId, "meeting", person.firstContactOn),
    personId: person.id,
  }));
  return { meetings, attendances };
}

/**
 * Writes the cooperative's demo people, partners, receptions with the situation at entry, associates,
 * exits and their follow-ups, once: a restart finds them and writes nothing.
 */
export async function seedMembersDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const people = manager.getRepository(PersonEntity);
    if ((await people.count()) > 0) return;
    const demo = generateDemoCooperative(demoProfile(cooperativeId));
    const { partners, receptions } = demoWelcome(cooperativeId, demo);
    const partnerIds = partners.map((partner) => partner.id);
    const { counselors, followUp, sessions, participants } = demoFollowUp(cooperativeId, demo, partnerIds);
    const { associates, exits } = demoMembership(demo.contracts);
    // Referenced rows first: people point to their counselor and referring partner.
    await manager.getRepository(PartnerEntity).insert(partners);
    await manager.getRepository(CounselorEntity).insert(counselors);
    await people.insert(demo.people.map((person) => ({ ...person, ...followUp.get(person.id) })));
    const insert = async <T extends object>(entity: new () => T, rows: T[]) => {
      if (rows.length > 0) await manager.getRepository(entity).insert(rows as never[]);
    };
    const profile = demoProfile(cooperativeId);
    await insert(CooperativeProfileEntity, [
      {
        singleton: true,
        legalName: `${profile.name} SCOP SARL`,
        legalForm: "SCOP_SARL",
        siret: demoSiret(cooperativeId),
        address: "1 place de la Coopération",
        region: profile.region,
      },
    ]);
    await insert(ReceptionEntity, receptions);
    const { meetings, attendances } = demoMeetings(
      cooperativeId,
      demo,
      counselors.map((counselor) => counselor.id),
    );
    await insert(InformationMeetingEntity, meetings as InformationMeetingEntity[]);
    await insert(MeetingAttendanceEntity, attendances);
    await insert(SupportSessionEntity, sessions as SupportSessionEntity[]);
    await insert(SupportSessionPersonEntity, participants);
    await insert(ActivityEntity, demoActivities(cooperativeId, demo) as ActivityEntity[]);
    await insert(
      AssociateEntity,
      associates.map((associate) => ({ ...associate, endedOn: null })),
    );
    await insert(ExitEntity, exits);
    await insert(EntrySituationEntity, demo.entrySituations);
    await insert(ExitFollowUpEntity, demoExitFollowUps(cooperativeId, exits));
    await seedDemoSiblingFacts(manager, cooperativeId, demoContractRecords(cooperativeId));
  });
}
