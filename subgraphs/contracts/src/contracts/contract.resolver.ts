import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import {
  CentsScalar,
  ContractKind,
  DecimalScalar,
  encodeId,
  localIdOfReference,
  mapConnection,
  PageArgs,
  pageOfList,
  printPdf,
  STAFF,
  todayInFrance,
} from "@cae/shared";
import type { ContractsContext } from "../context";
import {
  AmendEmploymentContractInput,
  CancelContractInput,
  CompleteCommitmentInput,
  DraftEmploymentContractInput,
  DraftObjectiveContractInput,
  DraftSupportAgreementInput,
  EndContractInput,
  RenewSupportAgreementInput,
  SignContractInput,
  UpdateContractDraftInput,
} from "./contract.inputs";
import { renderContractDocument, type ContractDocumentParts } from "../documents/contract-document";
import { contractPdfDocument } from "../documents/contract-pdf";
import {
  employerCertificate,
  employerCertificateDocument,
  employmentAttestation,
  employmentAttestationDocument,
  supportAgreementAttestation,
  supportAgreementAttestationDocument,
  type AttestationParties,
} from "../documents/attestations";
import { EmployerCertificate, EmploymentAttestation, SupportAgreementAttestation } from "../documents/attestation.type";
import { versionInForce } from "../templates/template.entity";
import {
  weeklyHours,
  type EmploymentLegalTerms as StoredEmploymentLegalTerms,
  type SupportAgreementLegalTerms as StoredSupportLegalTerms,
} from "./legal-terms";
import { toContract } from "./contract.mapper";
import {
  associateDeadline,
  conclusionDate,
  furthestContractKind,
  priorContractDays,
  statusOn,
  SUPPORT_AGREEMENT_MAX_MONTHS,
  SUPPORT_AGREEMENT_MAX_RENEWALS,
  SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS,
  supportDaysBefore,
  termsOn,
  timesInWords,
  trialPeriodLatestEnd,
} from "./contract.rules";
import * as service from "./contract.service";
import { Contract, ContractConnection, EmploymentTerms, ObjectiveTerms, Person, SupportAgreementTerms } from "./contract.type";

@Resolver(() => Person)
export class PersonContractsResolver {
  @FieldResolver(() => ContractConnection, {
    nullable: true,
    description:
      "The person's contracts, in path order (by start date). Null when the cooperative's service does not answer: the error says which.",
  })
  async contracts(@Root() person: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: ContractsContext) {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const contracts = localId ? await ctx.loaders.contractsByPerson.load(localId) : [];
    const connection = pageOfList(contracts, page, (contract) => [contract.startsOn, contract.id]);
    return mapConnection(connection, (contract) => toContract(contract, ctx.cooperativeId));
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description:
      "The contract in force today: the running employment contract, else the running support agreement, else the running objective contract; null when none runs.",
  })
  async currentContract(@Root() person: Person, @Ctx() ctx: ContractsContext): Promise<Contract | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const today = todayInFrance();
    const running = (localId ? await ctx.loaders.contractsByPerson.load(localId) : []).filter(
      (contract) => statusOn(contract, today) === "RUNNING",
    );
    // A running contract is a signed one: the furthest of them in path order is the one in force.
    const furthest = furthestContractKind(running);
    const current = running.filter((contract) => contract.kind === furthest).pop();
    return current ? toContract(current, ctx.cooperativeId, today) : null;
  }

  @FieldResolver(() => ContractKind, {
    nullable: true,
    description: "The kind of the furthest contract of the person's path signed so far (signed, running or ended); null when none was.",
  })
  async furthestContractKind(@Root() person: Person, @Ctx() ctx: ContractsContext) {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    return furthestContractKind(localId ? await ctx.loaders.contractsByPerson.load(localId) : []);
  }
}

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true })
  async monthlyHours(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<string | null> {
    return (await termsToday(contract, ctx))?.monthlyHours ?? null;
  }

  @FieldResolver(() => CentsScalar, { nullable: true })
  async fixedMonthlyPayCents(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<bigint | null> {
    return (await termsToday(contract, ctx))?.fixedMonthlyPayCents ?? null;
  }

  @FieldResolver(() => ObjectiveTerms, {
    nullable: true,
    description: "Objective contracts: the review date and the commitments; null for other kinds.",
  })
  async objective(@Root() { record }: Contract, @Ctx() ctx: ContractsContext): Promise<ObjectiveTerms | null> {
    if (record.kind !== "OBJECTIVE") return null;
    const commitments = await ctx.loaders.commitmentsByContract.load(record.id);
    return {
      reviewOn: record.reviewOn!,
      commitments: commitments.map(({ id, party, kind, description, dueOn, doneOn }) => ({
        id: encodeId(ctx.cooperativeId, id),
        party,
        kind,
        description,
        dueOn,
        doneOn,
      })),
    };
  }

  @FieldResolver(() => SupportAgreementTerms, {
    nullable: true,
    description: "Support agreements (CAPE): their terms and renewals; null for other kinds.",
  })
  async supportAgreement(@Root() { record }: Contract, @Ctx() ctx: ContractsContext): Promise<SupportAgreementTerms | null> {
    if (record.kind !== "SUPPORT_AGREEMENT") return null;
    const renewals = await ctx.loaders.renewalsByContract.load(record.id);
    return {
      supportGiven: record.supportGiven!,
      revenueGoalCents: record.revenueGoalCents,
      initialEndsOn: renewals[0]?.previousEndsOn ?? record.endsOn!,
      renewals: renewals.map(({ number, previousEndsOn, endsOn, decidedOn }) => ({ number, previousEndsOn, endsOn, decidedOn })),
      legal: record.legalTerms ? (({ kind: _kind, ...legal }) => legal)(record.legalTerms as StoredSupportLegalTerms) : null,
    };
  }

  @FieldResolver(() => EmploymentTerms, {
    nullable: true,
    description: "Employment contracts (CESA): their terms, trial period, associate deadline and amendments; null for other kinds.",
  })
  async employment(@Root() { record }: Contract, @Ctx() ctx: ContractsContext): Promise<EmploymentTerms | null> {
    if (record.kind !== "EMPLOYMENT") return null;
    const [amendments, personContracts] = await Promise.all([
      ctx.loaders.amendmentsByContract.load(record.id),
      ctx.loaders.contractsByPerson.load(record.personId),
    ]);
    const priorDays = priorContractDays(personContracts, record.startsOn);
    return {
      type: record.employmentType!,
      initialMonthlyHours: record.monthlyHours!,
      initialFixedMonthlyPayCents: record.fixedMonthlyPayCents!,
      variablePay: record.variablePay!,
      trialPeriodEndsOn: record.trialPeriodEndsOn,
      trialPeriodLatestEnd: trialPeriodLatestEnd(record.startsOn, priorDays),
      supportDaysBefore: supportDaysBefore(personContracts, record.startsOn),
      priorContractDays: priorDays,
      associateDeadline: associateDeadline(conclusionDate(record), priorDays),
      directHireReason: record.directHireReason,
      amendments: amendments.map(({ id, number, effectiveOn, monthlyHours, fixedMonthlyPayCents, reason }) => ({
        id: encodeId(ctx.cooperativeId, id),
        number,
        effectiveOn,
        monthlyHours,
        fixedMonthlyPayCents: fixedMonthlyPayCents,
        reason,
      })),
      legal: record.legalTerms
        ? (({ kind: _kind, ...legal }) => ({ ...legal, weeklyHours: weeklyHours(record.monthlyHours!) }))(
            record.legalTerms as StoredEmploymentLegalTerms,
          )
        : null,
    };
  }

  @FieldResolver(() => String, {
    description:
      "The contract as a document to print and sign (HTML, French): the cooperative's identity, the parties, the terms, renewals and amendments. Names and identity come from the members service. The PDF (`pdf`) is the contract as signed, in the cooperative's wording.",
  })
  @Directive('@requires(fields: "person { firstName lastName } cooperative { profile { legalName siret address } }")')
  async document(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<string> {
    return renderContractDocument(await documentParts(contract, ctx));
  }

  @FieldResolver(() => String, {
    description:
      "The contract as a PDF (base64), in the wording of the cooperative's template: the version it was signed with, for ever; for a draft, the version in force today. Every mention the law requires of its kind is printed (docs/contracts.md).",
  })
  @Directive('@requires(fields: "person { firstName lastName } cooperative { profile { legalName siret address } }")')
  async pdf(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<string> {
    const { record } = contract;
    const [parts, versions] = await Promise.all([documentParts(contract, ctx), ctx.loaders.templateVersionsByKind.load(record.kind)]);
    const template = record.templateVersionId
      ? versions.find((version) => version.id === record.templateVersionId)
      : versionInForce(versions, todayInFrance());
    if (!template) throw new Error(`No template version for contract ${contract.id}`);
    return (await printPdf(contractPdfDocument(parts, template))).toString("base64");
  }

  @FieldResolver(() => SupportAgreementAttestation, {
    nullable: true,
    description:
      "Support agreements (CAPE), once signed: the attestation for the employment service (France Travail). Null for other kinds and for drafts.",
  })
  @Directive('@requires(fields: "person { firstName lastName } cooperative { profile { legalName siret address } }")')
  async supportAgreementAttestation(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<SupportAgreementAttestation | null> {
    const { record } = contract;
    if (record.kind !== "SUPPORT_AGREEMENT" || !record.signedOn) return null;
    const parties = attestationParties(contract);
    const data = supportAgreementAttestation(
      record,
      await ctx.loaders.renewalsByContract.load(record.id),
      contract.endedOn,
      parties.issuedOn,
    );
    return { ...data, pdf: (await printPdf(supportAgreementAttestationDocument(data, parties))).toString("base64") };
  }

  @FieldResolver(() => EmployerCertificate, {
    nullable: true,
    description:
      "Employment contracts (CESA) that ended: the employer's end-of-contract certificate (attestation employeur). Null for other kinds and for a contract not ended.",
  })
  @Directive('@requires(fields: "person { firstName lastName } cooperative { profile { legalName siret address } }")')
  async employerCertificate(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<EmployerCertificate | null> {
    const { record } = contract;
    if (record.kind !== "EMPLOYMENT" || contract.status !== "ENDED" || !contract.endedOn || !contract.endReason) return null;
    const parties = attestationParties(contract);
    const data = employerCertificate(
      record,
      await ctx.loaders.amendmentsByContract.load(record.id),
      { endedOn: contract.endedOn, endReason: contract.endReason },
      parties.issuedOn,
    );
    return {
      ...data,
      employmentType: record.employmentType!,
      pdf: (await printPdf(employerCertificateDocument(data, parties))).toString("base64"),
    };
  }

  @FieldResolver(() => EmploymentAttestation, {
    nullable: true,
    description:
      "Employment contracts (CESA), once signed: an attestation of employment (attestation de travail). Null for other kinds and for drafts.",
  })
  @Directive('@requires(fields: "person { firstName lastName } cooperative { profile { legalName siret address } }")')
  async employmentAttestation(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<EmploymentAttestation | null> {
    const { record } = contract;
    if (record.kind !== "EMPLOYMENT" || !record.signedOn) return null;
    const parties = attestationParties(contract);
    const data = employmentAttestation(record, await ctx.loaders.amendmentsByContract.load(record.id), contract.endedOn, parties.issuedOn);
    return {
      ...data,
      employmentType: record.employmentType!,
      pdf: (await printPdf(employmentAttestationDocument(data, parties))).toString("base64"),
    };
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, { description: "Drafts an objective contract (contrat d'objectif) with its reciprocal commitments." })
  async draftObjectiveContract(
    @Arg("input", () => DraftObjectiveContractInput) input: DraftObjectiveContractInput,
    @Ctx() ctx: ContractsContext,
  ) {
    return toContract(await service.draftObjectiveContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, {
    description: `Drafts a support agreement (CAPE): ${SUPPORT_AGREEMENT_MAX_MONTHS} months at most, one at a time per person, ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all per person, never beside full-time employment.`,
  })
  async draftSupportAgreement(
    @Arg("input", () => DraftSupportAgreementInput) input: DraftSupportAgreementInput,
    @Ctx() ctx: ContractsContext,
  ) {
    return toContract(await service.draftSupportAgreement(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, {
    description:
      "Drafts an employment contract (CESA): hours up to full time, pay never below the SMIC, after a support agreement unless the direct hire is explained.",
  })
  async draftEmploymentContract(
    @Arg("input", () => DraftEmploymentContractInput) input: DraftEmploymentContractInput,
    @Ctx() ctx: ContractsContext,
  ) {
    return toContract(await service.draftEmploymentContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, { description: "Changes a draft; CONFLICT for a signed contract, which is amended or ended instead." })
  async updateContractDraft(@Arg("input", () => UpdateContractDraftInput) input: UpdateContractDraftInput, @Ctx() ctx: ContractsContext) {
    return toContract(await service.updateContractDraft(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, { description: "Signs a draft; its rules are checked again against the person's signed contracts." })
  async signContract(@Arg("input", () => SignContractInput) input: SignContractInput, @Ctx() ctx: ContractsContext) {
    return toContract(await service.signContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, {
    description: `Renews a support agreement: ${timesInWords(SUPPORT_AGREEMENT_MAX_RENEWALS)} at most, ${SUPPORT_AGREEMENT_MAX_MONTHS} months each, ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all per person. A renewal decided while the agreement ran may be entered after its term.`,
  })
  async renewSupportAgreement(
    @Arg("input", () => RenewSupportAgreementInput) input: RenewSupportAgreementInput,
    @Ctx() ctx: ContractsContext,
  ) {
    return toContract(await service.renewSupportAgreement(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, {
    description: "Amends an employment contract (avenant): numbered, each after the previous, never below the SMIC.",
  })
  async amendEmploymentContract(
    @Arg("input", () => AmendEmploymentContractInput) input: AmendEmploymentContractInput,
    @Ctx() ctx: ContractsContext,
  ) {
    return toContract(await service.amendEmploymentContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, {
    description: "Records the end of a signed contract, with its reason: for an employment contract, its legal mode (mode de rupture).",
  })
  async endContract(@Arg("input", () => EndContractInput) input: EndContractInput, @Ctx() ctx: ContractsContext) {
    return toContract(await service.endContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, { description: "Cancels a draft; CONFLICT for a signed contract, which is ended instead." })
  async cancelContract(@Arg("input", () => CancelContractInput) input: CancelContractInput, @Ctx() ctx: ContractsContext) {
    return toContract(await service.cancelContract(change(ctx), input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Contract, { description: "Marks a commitment of a signed objective contract as done; returns the contract." })
  async completeCommitment(@Arg("input", () => CompleteCommitmentInput) input: CompleteCommitmentInput, @Ctx() ctx: ContractsContext) {
    return toContract(await service.completeCommitment(change(ctx), input), ctx.cooperativeId);
  }
}

/** What a printed contract shows besides the contract's row: the parties from the members subgraph, and its related rows. */
async function documentParts(contract: Contract, ctx: ContractsContext): Promise<ContractDocumentParts> {
  const { record } = contract;
  const [commitments, renewals, amendments, personContracts] = await Promise.all([
    ctx.loaders.commitmentsByContract.load(record.id),
    ctx.loaders.renewalsByContract.load(record.id),
    ctx.loaders.amendmentsByContract.load(record.id),
    ctx.loaders.contractsByPerson.load(record.personId),
  ]);
  return {
    contract: record,
    cooperative: contract.cooperative.profile ?? null,
    person: { firstName: contract.person.firstName ?? "", lastName: contract.person.lastName ?? "" },
    commitments,
    renewals,
    amendments,
    priorDays: priorContractDays(personContracts, record.startsOn),
  };
}

const attestationParties = (contract: Contract): AttestationParties => ({
  cooperative: contract.cooperative.profile ?? null,
  person: { firstName: contract.person.firstName ?? "", lastName: contract.person.lastName ?? "" },
  issuedOn: todayInFrance(),
});

const change = (ctx: ContractsContext): service.ChangeContext => ({ db: ctx.db, cooperativeId: ctx.cooperativeId, actor: ctx.caller });

async function termsToday({ record }: Contract, ctx: ContractsContext) {
  if (record.kind !== "EMPLOYMENT") return null;
  const amendments = await ctx.loaders.amendmentsByContract.load(record.id);
  return termsOn({ monthlyHours: record.monthlyHours!, fixedMonthlyPayCents: record.fixedMonthlyPayCents! }, amendments, todayInFrance());
}
