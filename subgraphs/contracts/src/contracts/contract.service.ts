import {
  addDays,
  badUserInput,
  conflict,
  encodeId,
  configuredMinimumWage,
  notFound,
  optionalText,
  ownLocalId,
  pastDate,
  plannedDate,
  plausibleCents,
  recordAudit,
  requireAdmittedPerson,
  requiredText,
  todayInFrance,
  type Caller,
  type ContractKind,
  type MinimumWageTable,
} from "@cae/shared";
import { In, type DataSource, type EntityManager } from "typeorm";
import { AmendmentEntity, CommitmentEntity, ContractEntity, RenewalEntity } from "./contract.entity";
import { publishContractEvent } from "./contract-events";
import type {
  AmendEmploymentContractInput,
  CancelContractInput,
  CommitmentInput,
  CompleteCommitmentInput,
  DraftEmploymentContractInput,
  DraftObjectiveContractInput,
  DraftSupportAgreementInput,
  EndContractInput,
  RenewSupportAgreementInput,
  SignContractInput,
  UpdateContractDraftInput,
} from "./contract.inputs";
import {
  employmentEndRefusal,
  fullTimeOverSupportRefusal,
  hoursRefusal,
  lastDayOf,
  payRefusal,
  periodsOverlap,
  priorContractDays,
  REACHED_STATES,
  reachedItsTerm,
  renewalRefusal,
  statusOn,
  SUPPORT_AGREEMENT_MAX_MONTHS,
  SUPPORT_AGREEMENT_MAX_RENEWALS,
  supportAgreementFullTimeRefusal,
  supportAgreementLatestEnd,
  supportTime,
  supportTimeRefusal,
  termsOn,
  TRIAL_PERIOD_MAX_MONTHS,
  trialPeriodLatestEnd,
  type EmploymentWithTerms,
} from "./contract.rules";
import { employmentLegalTerms, supportAgreementLegalTerms, type EmploymentLegalTerms, type LegalTerms } from "./legal-terms";
import { templateInForce } from "../templates/template.service";

/** Who changes what, where, and on which day (today in France unless a test says otherwise). */
export interface ChangeContext {
  db: DataSource;
  cooperativeId: string;
  actor: Caller;
  today?: string;
}

const TEXT_MAX = 2000;

type Draft = Omit<ContractEntity, "id" | "createdAt">;

/**
 * The dates and amounts of a draft as given (docs/contracts.md): its dates are planned, so they may
 * lie ahead, within the planning horizon; its amounts are within the network's bounds.
 */
function checkDraftInput(draft: Draft, today: string): void {
  plannedDate(draft.startsOn, "input.startsOn", today);
  plannedDate(draft.endsOn, "input.endsOn", today);
  plannedDate(draft.reviewOn, "input.reviewOn", today);
  plannedDate(draft.trialPeriodEndsOn, "input.trialPeriodEndsOn", today);
  if (draft.revenueGoalCents !== null) plausibleCents(draft.revenueGoalCents, "input.revenueGoalCents");
  if (draft.fixedMonthlyPayCents !== null) plausibleCents(draft.fixedMonthlyPayCents, "input.fixedMonthlyPayCents");
}

/**
 * Every field a draft of its kind needs, checked against the person's other contracts (`employments`:
 * their signed CESAs with their amendments, for a CAPE); throws the first refusal. A refusal that no
 * field of the contract could fix, the person's path being at fault, names `personField`.
 */
function checkDraft(
  draft: Draft,
  others: readonly ContractEntity[],
  employments: readonly EmploymentWithTerms[],
  table: MinimumWageTable,
  personField: string,
): void {
  if (draft.endsOn !== null && draft.endsOn < draft.startsOn) {
    throw badUserInput(`endsOn ${draft.endsOn} is before startsOn ${draft.startsOn}`, "input.endsOn");
  }
  const signedOfKind = (kind: ContractKind) => others.filter((other) => other.kind === kind && REACHED_STATES.includes(other.state));
  if (draft.kind === "OBJECTIVE") {
    if (draft.reviewOn! < draft.startsOn)
      throw badUserInput(`reviewOn ${draft.reviewOn} is before startsOn ${draft.startsOn}`, "input.reviewOn");
    return;
  }
  const period = { startsOn: draft.startsOn, last: draft.endsOn };
  const overlapping = signedOfKind(draft.kind).find((other) =>
    periodsOverlap(period, { startsOn: other.startsOn, last: lastDayOf(other) }),
  );
  if (draft.kind === "SUPPORT_AGREEMENT") {
    const latest = supportAgreementLatestEnd(draft.startsOn);
    if (draft.endsOn! > latest) {
      throw badUserInput(
        `A support agreement lasts ${SUPPORT_AGREEMENT_MAX_MONTHS} months at most: from ${draft.startsOn}, ${latest} at the latest`,
        "input.endsOn",
      );
    }
    if (overlapping) {
      throw conflict(
        `The person has a support agreement from ${overlapping.startsOn} to ${lastDayOf(overlapping)}: one at a time, and this one would overlap it`,
      );
    }
    const tooLong = supportTimeRefusal({ startsOn: draft.startsOn, endsOn: draft.endsOn! }, others);
    if (tooLong) {
      // With no time left at all, no end date would do: the person's path is at fault, not the field.
      throw supportTime(draft.startsOn, others).latestEnd < draft.startsOn
        ? conflict(tooLong, personField)
        : badUserInput(tooLong, "input.endsOn");
    }
    const fullTime = supportAgreementFullTimeRefusal(period, employments);
    if (fullTime) throw conflict(fullTime, "input.startsOn");
    return;
  }
  // Employment contract (CESA).
  if (draft.employmentType === "FIXED_TERM" && draft.endsOn === null) {
    throw badUserInput("A fixed-term employment contract needs its last day (endsOn)", "input.endsOn");
  }
  if (draft.employmentType === "OPEN_ENDED" && draft.endsOn !== null) {
    throw badUserInput("An open-ended employment contract has no last day: leave endsOn out", "input.endsOn");
  }
  const hoursProblem = hoursRefusal(draft.monthlyHours!);
  if (hoursProblem) throw badUserInput(hoursProblem, "input.monthlyHours");
  const payProblem = payRefusal(table, draft.startsOn, draft.monthlyHours!, draft.fixedMonthlyPayCents!);
  if (payProblem) throw badUserInput(payProblem, "input.fixedMonthlyPayCents");
  if (overlapping) {
    throw conflict(`The person has an employment contract from ${overlapping.startsOn}: one at a time, and this one would overlap it`);
  }
  const fullTime = fullTimeOverSupportRefusal(period, draft.monthlyHours!, others);
  if (fullTime) throw conflict(fullTime, "input.monthlyHours");
  const priorSupport = signedOfKind("SUPPORT_AGREEMENT").some((agreement) => agreement.startsOn < draft.startsOn);
  if (!priorSupport && draft.directHireReason === null) {
    throw badUserInput(
      "An employment contract follows a signed support agreement (CAPE); record directHireReason for a direct hire",
      "input.directHireReason",
    );
  }
  if (draft.trialPeriodEndsOn !== null) {
    const latest = trialPeriodLatestEnd(draft.startsOn, priorContractDays(others, draft.startsOn));
    if (draft.trialPeriodEndsOn < draft.startsOn)
      throw badUserInput("The trial period ends before the contract starts", "input.trialPeriodEndsOn");
    if (latest === null || draft.trialPeriodEndsOn > latest) {
      throw badUserInput(
        latest === null
          ? `No trial period is left: the earlier contracts between the parties (CAPEs, CESAs) already last ${TRIAL_PERIOD_MAX_MONTHS} months or more (L7332-1)`
          : `The trial period lasts ${TRIAL_PERIOD_MAX_MONTHS} months at most minus the time of the earlier contracts between the parties (CAPEs, CESAs; L7332-1): ${latest} at the latest`,
        "input.trialPeriodEndsOn",
      );
    }
  }
}

function commitmentRows(contractId: string, commitments: readonly CommitmentInput[], today: string): Omit<CommitmentEntity, "id">[] {
  if (commitments.length === 0) throw badUserInput("An objective contract needs at least one commitment", "input.commitments");
  if (commitments.length > 50) throw badUserInput("An objective contract has at most 50 commitments", "input.commitments");
  return commitments.map((commitment, position) => ({
    contractId,
    party: commitment.party,
    kind: commitment.kind,
    description: requiredText(commitment.description, `input.commitments.${position}.description`, TEXT_MAX),
    dueOn: plannedDate(commitment.dueOn, `input.commitments.${position}.dueOn`, today),
    doneOn: null,
    position,
  }));
}

/** The person's contracts, with their changes serialised: two drafts for one person never race past the overlap checks. */
async function lockPersonContracts(manager: EntityManager, personId: string): Promise<ContractEntity[]> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`contracts:${personId}`]);
  return manager.getRepository(ContractEntity).find({ where: { personId }, order: { startsOn: "ASC" } });
}

/** The person's signed employment contracts with their amendments: a CAPE never overlaps full-time employment. */
async function employmentsWithTerms(manager: EntityManager, contracts: readonly ContractEntity[]): Promise<EmploymentWithTerms[]> {
  const employments = contracts.filter((contract) => contract.kind === "EMPLOYMENT" && REACHED_STATES.includes(contract.state));
  if (employments.length === 0) return [];
  const amendments = await manager
    .getRepository(AmendmentEntity)
    .find({ where: { contractId: In(employments.map((contract) => contract.id)) }, order: { number: "ASC" } });
  return employments.map((contract) => ({
    ...contract,
    amendments: amendments.filter((amendment) => amendment.contractId === contract.id),
  }));
}

/** `checkDraft` with what it reads of the person's other contracts: the amendments of their CESAs only for a CAPE. */
async function checkDraftAgainst(manager: EntityManager, draft: Draft, others: readonly ContractEntity[], personField: string) {
  const employments = draft.kind === "SUPPORT_AGREEMENT" ? await employmentsWithTerms(manager, others) : [];
  checkDraft(draft, others, employments, configuredMinimumWage(), personField);
}

/** The contract, with the person's contracts locked; NOT_FOUND when this cooperative has no such contract. */
async function lockContract(manager: EntityManager, cooperativeId: string, contractId: string, field = "input.id") {
  const localId = ownLocalId(contractId, cooperativeId, field);
  const found = await manager.getRepository(ContractEntity).findOneBy({ id: localId });
  if (!found) throw notFound(`No contract ${contractId} in this cooperative`);
  const personContracts = await lockPersonContracts(manager, found.personId);
  const contract = personContracts.find((candidate) => candidate.id === localId)!;
  return { contract, others: personContracts.filter((other) => other.id !== localId) };
}

const EMPTY_DRAFT = {
  state: "DRAFT",
  endsOn: null,
  signedOn: null,
  endedOn: null,
  endReason: null,
  endNote: null,
  cancelledOn: null,
  cancelReason: null,
  reviewOn: null,
  supportGiven: null,
  revenueGoalCents: null,
  employmentType: null,
  monthlyHours: null,
  fixedMonthlyPayCents: null,
  variablePay: null,
  trialPeriodEndsOn: null,
  directHireReason: null,
  legalTerms: null,
  templateVersionId: null,
} as const satisfies Partial<Draft>;

async function insertDraft(
  change: ChangeContext,
  personGlobalId: string,
  draftOf: (personId: string) => Draft,
  action: string,
  commitments?: readonly CommitmentInput[],
  legalOf?: (draft: Draft, today: string) => LegalTerms,
): Promise<ContractEntity> {
  const personId = ownLocalId(personGlobalId, change.cooperativeId, "input.personId");
  const today = change.today ?? todayInFrance();
  const draft = draftOf(personId);
  checkDraftInput(draft, today);
  return change.db.transaction(async (manager) => {
    await requireAdmittedPerson(manager, personId, personGlobalId, "input.personId", "A contract");
    await checkDraftAgainst(manager, draft, await lockPersonContracts(manager, personId), "input.personId");
    // The legal content is judged against terms the path rules accepted (the hours, the type).
    if (legalOf) draft.legalTerms = legalOf(draft, today);
    const contract = await manager.getRepository(ContractEntity).save(manager.getRepository(ContractEntity).create(draft));
    if (commitments) await manager.getRepository(CommitmentEntity).insert(commitmentRows(contract.id, commitments, today));
    await audit(manager, change, action, contract, { ...draft, commitments });
    return contract;
  });
}

export const draftObjectiveContract = (change: ChangeContext, input: DraftObjectiveContractInput) =>
  insertDraft(
    change,
    input.personId,
    (personId) => ({
      ...EMPTY_DRAFT,
      personId,
      kind: "OBJECTIVE",
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      reviewOn: input.reviewOn,
    }),
    "draftObjectiveContract",
    input.commitments,
  );

export const draftSupportAgreement = (change: ChangeContext, input: DraftSupportAgreementInput) =>
  insertDraft(
    change,
    input.personId,
    (personId) => ({
      ...EMPTY_DRAFT,
      personId,
      kind: "SUPPORT_AGREEMENT",
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      supportGiven: requiredText(input.supportGiven, "input.supportGiven", TEXT_MAX),
      revenueGoalCents: input.revenueGoalCents ?? null,
    }),
    "draftSupportAgreement",
    undefined,
    () => supportAgreementLegalTerms(input.legal),
  );

export const draftEmploymentContract = (change: ChangeContext, input: DraftEmploymentContractInput) =>
  insertDraft(
    change,
    input.personId,
    (personId) => ({
      ...EMPTY_DRAFT,
      personId,
      kind: "EMPLOYMENT",
      employmentType: input.type,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      monthlyHours: input.monthlyHours,
      fixedMonthlyPayCents: input.fixedMonthlyPayCents,
      variablePay: requiredText(input.variablePay, "input.variablePay", TEXT_MAX),
      trialPeriodEndsOn: input.trialPeriodEndsOn ?? null,
      directHireReason: optionalText(input.directHireReason, "input.directHireReason", TEXT_MAX),
    }),
    "draftEmploymentContract",
    undefined,
    (draft, today) => employmentLegalTerms(input.legal, draft, today),
  );

/** Fields of `input` that apply to another kind of contract are refused by name rather than ignored. */
const FIELDS_OF_KIND: Record<ContractKind, readonly (keyof UpdateContractDraftInput)[]> = {
  OBJECTIVE: ["reviewOn", "commitments"],
  SUPPORT_AGREEMENT: ["supportGiven", "revenueGoalCents", "supportAgreementLegal"],
  EMPLOYMENT: ["type", "monthlyHours", "fixedMonthlyPayCents", "variablePay", "trialPeriodEndsOn", "directHireReason", "employmentLegal"],
};

export async function updateContractDraft(change: ChangeContext, input: UpdateContractDraftInput): Promise<ContractEntity> {
  const today = change.today ?? todayInFrance();
  return change.db.transaction(async (manager) => {
    const { contract, others } = await lockContract(manager, change.cooperativeId, input.id);
    const status = statusOn(contract, today);
    if (status !== "DRAFT") throw conflict(`The contract is ${status}: only a draft is edited; a signed contract is amended or ended`);
    for (const [kind, fields] of Object.entries(FIELDS_OF_KIND)) {
      const misplaced = kind === contract.kind ? undefined : fields.find((field) => input[field] !== undefined && input[field] !== null);
      if (misplaced) throw badUserInput(`${misplaced} does not apply to a contract of kind ${contract.kind}`, `input.${misplaced}`);
    }
    const given = <T>(value: T | null | undefined, current: T): T => (value === undefined || value === null ? current : value);
    const updated: ContractEntity = {
      ...contract,
      startsOn: given(input.startsOn, contract.startsOn),
      endsOn: input.endsOn === undefined ? contract.endsOn : input.endsOn,
      reviewOn: given(input.reviewOn, contract.reviewOn),
      supportGiven: input.supportGiven ? requiredText(input.supportGiven, "input.supportGiven", TEXT_MAX) : contract.supportGiven,
      revenueGoalCents: input.revenueGoalCents === undefined ? contract.revenueGoalCents : input.revenueGoalCents,
      employmentType: given(input.type, contract.employmentType),
      monthlyHours: given(input.monthlyHours, contract.monthlyHours),
      fixedMonthlyPayCents: given(input.fixedMonthlyPayCents, contract.fixedMonthlyPayCents),
      variablePay: input.variablePay ? requiredText(input.variablePay, "input.variablePay", TEXT_MAX) : contract.variablePay,
      trialPeriodEndsOn: input.trialPeriodEndsOn === undefined ? contract.trialPeriodEndsOn : input.trialPeriodEndsOn,
      directHireReason:
        input.directHireReason === undefined
          ? contract.directHireReason
          : optionalText(input.directHireReason, "input.directHireReason", TEXT_MAX),
    };
    checkDraftInput(updated, today);
    await checkDraftAgainst(manager, updated, others, "input.id");
    // The legal content given replaces the draft's; kept, it is checked again against the new hours and type.
    if (contract.kind === "EMPLOYMENT") {
      const stored = contract.legalTerms as EmploymentLegalTerms | null;
      updated.legalTerms = employmentLegalTerms(input.employmentLegal ?? stored, updated, today, "input.employmentLegal");
    }
    if (contract.kind === "SUPPORT_AGREEMENT" && (input.supportAgreementLegal || contract.legalTerms === null)) {
      updated.legalTerms = supportAgreementLegalTerms(input.supportAgreementLegal, "input.supportAgreementLegal");
    }
    await manager.getRepository(ContractEntity).save(updated);
    if (input.commitments) {
      await manager.getRepository(CommitmentEntity).delete({ contractId: contract.id });
      await manager.getRepository(CommitmentEntity).insert(commitmentRows(contract.id, input.commitments, today));
    }
    await audit(manager, change, "updateContractDraft", contract, { ...input });
    return updated;
  });
}

export async function signContract(change: ChangeContext, input: SignContractInput): Promise<ContractEntity> {
  const today = change.today ?? todayInFrance();
  pastDate(input.signedOn, "input.signedOn", today);
  return change.db.transaction(async (manager) => {
    const { contract, others } = await lockContract(manager, change.cooperativeId, input.id);
    const status = statusOn(contract, today);
    if (status !== "DRAFT") throw conflict(`The contract is ${status}: only a draft is signed`);
    if (input.signedOn > contract.startsOn) {
      throw badUserInput(
        `signedOn ${input.signedOn} is after the first day (${contract.startsOn}): a contract is signed before it starts`,
        "input.signedOn",
      );
    }
    // The person's path may have moved since the draft: its rules are checked again against what is signed now.
    await requireAdmittedPerson(manager, contract.personId, encodeId(change.cooperativeId, contract.personId), "input.id", "A contract");
    await checkDraftAgainst(manager, contract, others, "input.id");
    if (contract.kind !== "OBJECTIVE" && contract.legalTerms === null) {
      const field = contract.kind === "EMPLOYMENT" ? "employmentLegal" : "supportAgreementLegal";
      throw conflict(
        `The draft lacks the content the law requires of a ${contract.kind === "EMPLOYMENT" ? "CESA (L7331-2 Code du travail)" : "CAPE (R127-1 Code de commerce)"}: give it with updateContractDraft (input.${field}) before signing`,
        "input.id",
      );
    }
    // The wording in force on the day of signature is the contract's for good (docs/contracts.md, "Templates").
    const template = await templateInForce(manager, contract.kind, input.signedOn);
    const signature = { state: "SIGNED" as const, signedOn: input.signedOn, templateVersionId: template.id };
    await manager.getRepository(ContractEntity).update({ id: contract.id }, signature);
    await audit(manager, change, "signContract", contract, {
      signedOn: input.signedOn,
      template: { version: template.version, id: template.id },
    });
    const signed: ContractEntity = { ...contract, ...signature };
    await publishContractEvent(manager, change.cooperativeId, "contract.signed", signed);
    return signed;
  });
}

/** A signed contract that is neither over nor cancelled: the only kind that is renewed, amended or ended. */
function requireInForce(contract: ContractEntity, today: string, action: string): void {
  const status = statusOn(contract, today);
  if (status !== "SIGNED" && status !== "RUNNING")
    throw conflict(`The contract is ${status}: only a signed or running contract is ${action}`);
  if (contract.endedOn) throw conflict(`The contract's end is already recorded, on ${contract.endedOn}: it is no longer ${action}`);
}

/**
 * A signed support agreement that runs, or that ended by reaching its term: a renewal decided while
 * it ran may be entered after the term, never after an early end.
 */
function requireRenewable(contract: ContractEntity, today: string): void {
  const status = statusOn(contract, today);
  if (status === "DRAFT" || status === "CANCELLED")
    throw conflict(`The contract is ${status}: only a signed support agreement is renewed`, "input.id");
  if (!reachedItsTerm(contract)) {
    throw conflict(
      `The agreement ended early, on ${contract.endedOn} (${contract.endReason}): only an agreement that runs or reached its term is renewed`,
      "input.id",
    );
  }
}

export async function renewSupportAgreement(change: ChangeContext, input: RenewSupportAgreementInput): Promise<ContractEntity> {
  const today = change.today ?? todayInFrance();
  plannedDate(input.endsOn, "input.endsOn", today);
  pastDate(input.decidedOn, "input.decidedOn", today);
  return change.db.transaction(async (manager) => {
    const { contract, others } = await lockContract(manager, change.cooperativeId, input.id);
    if (contract.kind !== "SUPPORT_AGREEMENT")
      throw badUserInput(`Only a support agreement is renewed; this is ${contract.kind}`, "input.id");
    requireRenewable(contract, today);
    // Entered after the term, a renewal is still one decided while the agreement ran (L127-1 Code de commerce).
    if (input.decidedOn > contract.endsOn! || input.decidedOn < contract.startsOn) {
      throw badUserInput(
        `A renewal is decided while the agreement runs, from ${contract.startsOn} to ${contract.endsOn} (L127-1 Code de commerce)${contract.endsOn! < today ? "; entered after the term, it was decided by then" : ""}`,
        "input.decidedOn",
      );
    }
    const renewals = manager.getRepository(RenewalEntity);
    const count = await renewals.countBy({ contractId: contract.id });
    const refusal = renewalRefusal({ startsOn: contract.startsOn, endsOn: contract.endsOn! }, count, input.endsOn, others);
    if (refusal) throw count >= SUPPORT_AGREEMENT_MAX_RENEWALS ? conflict(refusal, "input.id") : badUserInput(refusal, "input.endsOn");
    // The renewal runs from the day after the current end, entered late or not, so the agreement has no gap; its added
    // days keep the rules of any agreement's days.
    const added = { startsOn: addDays(contract.endsOn!, 1), last: input.endsOn };
    const overlapping = others.find(
      (other) =>
        other.kind === "SUPPORT_AGREEMENT" &&
        REACHED_STATES.includes(other.state) &&
        periodsOverlap(added, { startsOn: other.startsOn, last: lastDayOf(other) }),
    );
    if (overlapping) {
      throw conflict(
        `The person has a support agreement from ${overlapping.startsOn} to ${lastDayOf(overlapping)}: one at a time, and this renewal would overlap it`,
        "input.endsOn",
      );
    }
    const fullTime = supportAgreementFullTimeRefusal(added, await employmentsWithTerms(manager, others));
    if (fullTime) throw conflict(fullTime, "input.endsOn");
    await renewals.insert({
      contractId: contract.id,
      number: count + 1,
      previousEndsOn: contract.endsOn!,
      endsOn: input.endsOn,
      decidedOn: input.decidedOn,
    });
    // An end recorded at the term is undone: the agreement goes on without a gap.
    const reopened = contract.endedOn === null ? {} : { state: "SIGNED" as const, endedOn: null, endReason: null, endNote: null };
    await manager.getRepository(ContractEntity).update({ id: contract.id }, { endsOn: input.endsOn, ...reopened });
    const afterTerm = contract.endsOn! < today;
    await audit(manager, change, "renewSupportAgreement", contract, {
      number: count + 1,
      endsOn: input.endsOn,
      decidedOn: input.decidedOn,
      ...(afterTerm ? { enteredAfterTerm: contract.endsOn } : {}),
    });
    const renewed = { ...contract, endsOn: input.endsOn, ...reopened };
    await publishContractEvent(manager, change.cooperativeId, "contract.amended", renewed);
    return renewed;
  });
}

export async function amendEmploymentContract(change: ChangeContext, input: AmendEmploymentContractInput): Promise<ContractEntity> {
  const reason = requiredText(input.reason, "input.reason", TEXT_MAX);
  const today = change.today ?? todayInFrance();
  if (input.monthlyHours == null && input.fixedMonthlyPayCents == null) {
    throw badUserInput("An amendment changes the hours, the pay or both: give monthlyHours or fixedMonthlyPayCents", "input.monthlyHours");
  }
  // An amendment may be agreed ahead of the day it applies.
  plannedDate(input.effectiveOn, "input.effectiveOn", today);
  if (input.fixedMonthlyPayCents != null) plausibleCents(input.fixedMonthlyPayCents, "input.fixedMonthlyPayCents");
  return change.db.transaction(async (manager) => {
    const { contract, others } = await lockContract(manager, change.cooperativeId, input.id);
    if (contract.kind !== "EMPLOYMENT") throw badUserInput(`Only an employment contract is amended; this is ${contract.kind}`, "input.id");
    requireInForce(contract, today, "amended");
    const amendments = await manager.getRepository(AmendmentEntity).find({ where: { contractId: contract.id }, order: { number: "ASC" } });
    const previous = amendments[amendments.length - 1];
    if (input.effectiveOn <= contract.startsOn) {
      throw badUserInput(`An amendment takes effect after the contract's first day (${contract.startsOn})`, "input.effectiveOn");
    }
    if (previous && input.effectiveOn <= previous.effectiveOn) {
      throw badUserInput(
        `An amendment takes effect after the previous one (number ${previous.number}, effective ${previous.effectiveOn})`,
        "input.effectiveOn",
      );
    }
    if (contract.endsOn && input.effectiveOn > contract.endsOn) {
      throw badUserInput(`The contract ends on ${contract.endsOn}: an amendment cannot take effect after that`, "input.effectiveOn");
    }
    const before = termsOn(
      { monthlyHours: contract.monthlyHours!, fixedMonthlyPayCents: contract.fixedMonthlyPayCents! },
      amendments,
      input.effectiveOn,
    );
    const terms = {
      monthlyHours: input.monthlyHours ?? before.monthlyHours,
      fixedMonthlyPayCents: input.fixedMonthlyPayCents ?? before.fixedMonthlyPayCents,
    };
    const hoursProblem = hoursRefusal(terms.monthlyHours);
    if (hoursProblem) throw badUserInput(hoursProblem, "input.monthlyHours");
    const payProblem = payRefusal(configuredMinimumWage(), input.effectiveOn, terms.monthlyHours, terms.fixedMonthlyPayCents);
    if (payProblem)
      throw badUserInput(payProblem, input.fixedMonthlyPayCents == null ? "input.monthlyHours" : "input.fixedMonthlyPayCents");
    // The amendment is the latest: its hours hold from its date to the contract's last day.
    const fullTime = fullTimeOverSupportRefusal({ startsOn: input.effectiveOn, last: lastDayOf(contract) }, terms.monthlyHours, others);
    if (fullTime) throw conflict(fullTime, "input.monthlyHours");
    const number = amendments.length + 1;
    await manager
      .getRepository(AmendmentEntity)
      .insert({ contractId: contract.id, number, effectiveOn: input.effectiveOn, ...terms, reason });
    await audit(manager, change, "amendEmploymentContract", contract, {
      number,
      effectiveOn: input.effectiveOn,
      monthlyHours: terms.monthlyHours,
      fixedMonthlyPayCents: terms.fixedMonthlyPayCents,
      reason,
    });
    await publishContractEvent(manager, change.cooperativeId, "contract.amended", { ...contract, monthlyHours: terms.monthlyHours });
    return contract;
  });
}

export async function endContract(change: ChangeContext, input: EndContractInput): Promise<ContractEntity> {
  const note = optionalText(input.note, "input.note", TEXT_MAX);
  const today = change.today ?? todayInFrance();
  // An end is recorded once it has happened; the planned end is the contract's endsOn.
  pastDate(input.endedOn, "input.endedOn", today);
  return change.db.transaction(async (manager) => {
    const { contract, others } = await lockContract(manager, change.cooperativeId, input.id);
    requireInForce(contract, today, "ended");
    if (input.endedOn < contract.startsOn)
      throw badUserInput(`endedOn ${input.endedOn} is before the first day (${contract.startsOn})`, "input.endedOn");
    if (contract.endsOn && input.endedOn > contract.endsOn) {
      throw badUserInput(`endedOn ${input.endedOn} is after the planned last day (${contract.endsOn})`, "input.endedOn");
    }
    // An employment contract ends by a legal mode; the person's outcome is recorded with their exit.
    if (contract.kind === "EMPLOYMENT") {
      const refusal = employmentEndRefusal(contract, others, input.reason, input.endedOn);
      if (refusal) throw badUserInput(refusal, "input.reason");
    }
    const ended = { state: "ENDED" as const, endedOn: input.endedOn, endReason: input.reason, endNote: note };
    await manager.getRepository(ContractEntity).update({ id: contract.id }, ended);
    await audit(manager, change, "endContract", contract, { endedOn: input.endedOn, reason: input.reason, note });
    await publishContractEvent(manager, change.cooperativeId, "contract.ended", { ...contract, ...ended });
    return { ...contract, ...ended };
  });
}

export async function cancelContract(change: ChangeContext, input: CancelContractInput): Promise<ContractEntity> {
  const reason = requiredText(input.reason, "input.reason", TEXT_MAX);
  const today = change.today ?? todayInFrance();
  return change.db.transaction(async (manager) => {
    const { contract } = await lockContract(manager, change.cooperativeId, input.id);
    const status = statusOn(contract, today);
    if (status !== "DRAFT") throw conflict(`The contract is ${status}: only a draft is cancelled; a signed contract is ended`);
    const cancelled = { state: "CANCELLED" as const, cancelledOn: today, cancelReason: reason };
    await manager.getRepository(ContractEntity).update({ id: contract.id }, cancelled);
    await audit(manager, change, "cancelContract", contract, { reason });
    return { ...contract, ...cancelled };
  });
}

export async function completeCommitment(change: ChangeContext, input: CompleteCommitmentInput): Promise<ContractEntity> {
  const commitmentId = ownLocalId(input.id, change.cooperativeId, "input.id");
  const today = change.today ?? todayInFrance();
  pastDate(input.doneOn, "input.doneOn", today);
  return change.db.transaction(async (manager) => {
    const commitment = await manager.getRepository(CommitmentEntity).findOneBy({ id: commitmentId });
    if (!commitment) throw notFound(`No commitment ${input.id} in this cooperative`);
    const { contract } = await lockContract(manager, change.cooperativeId, encodeId(change.cooperativeId, commitment.contractId));
    const status = statusOn(contract, today);
    if (status === "DRAFT" || status === "CANCELLED")
      throw conflict(`The objective contract is ${status}: commitments are done once it is signed`);
    if (commitment.doneOn) throw conflict(`The commitment was already done, on ${commitment.doneOn}`);
    if (input.doneOn < contract.startsOn)
      throw badUserInput(`doneOn ${input.doneOn} is before the contract's first day (${contract.startsOn})`, "input.doneOn");
    await manager.getRepository(CommitmentEntity).update({ id: commitmentId }, { doneOn: input.doneOn });
    await audit(manager, change, "completeCommitment", contract, { commitmentId: input.id, doneOn: input.doneOn });
    return contract;
  });
}

function audit(manager: EntityManager, change: ChangeContext, action: string, contract: ContractEntity, details: Record<string, unknown>) {
  return recordAudit(manager, change.actor, {
    action,
    entityType: "Contract",
    entityId: encodeId(change.cooperativeId, contract.id),
    details,
  });
}
