import {
  databaseBackends,
  employmentLegalInput,
  ENTITIES_QUERY,
  execute,
  pdfText,
  startTestSubgraph,
  supportAgreementLegalInput,
  testCaller,
} from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import {
  addDays,
  addMonths,
  DEFAULT_MINIMUM_WAGE,
  frenchEuros,
  minimumMonthlyPayCents,
  todayInFrance,
  type SubgraphServer,
} from "@cae/shared";
import { contracts } from "../../index";
import { DEFAULT_TEMPLATES } from "../../templates/default-templates";

const COOP = "garonne-activites";
const T = todayInFrance();
const PROFILE = { legalName: "Garonne Activités SCOP SARL", siret: "73282932000074", address: "1 place de la Coopération, 31000 Toulouse" };
const french = (iso: string) => iso.split("-").reverse().join("/");
/** Euros as the PDF's text reads back: "1 823,08 €", spaces folded. */
const euros = (cents: string) => frenchEuros(BigInt(cents)).replace(/[\u00a0\u202f]/g, " ");

type Result = Awaited<ReturnType<typeof execute>>;
const errorOf = (result: Result) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

describe.each(databaseBackends())(
  "contracts as they stand before the law: legal content, templates, PDF, attestations, on %s PostgreSQL",
  (backend) => {
    let server: SubgraphServer<unknown> & { stop(): Promise<void> };
    const counselor = testCaller("COUNSELOR", COOP);
    const admin = testCaller("COOP_ADMIN", COOP);

    const admitted = async (): Promise<string> => {
      const id = randomUUID();
      await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [id]);
      return `${COOP}:${id}`;
    };
    const mutate = (
      name: string,
      input: Record<string, unknown>,
      caller = counselor,
      selection = name === "publishContractTemplate" ? "id" : "id status",
    ) =>
      execute(
        server,
        `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`,
        { input },
        caller,
      );
    const made = async (name: string, input: Record<string, unknown>, caller = counselor): Promise<string> => {
      const result = await mutate(name, input, caller);
      expect(result.errors).toBeUndefined();
      return (result.data?.[name] as { id: string }).id;
    };
    const auditCount = async () => Number((await server.database.dataSource.query("SELECT count(*) AS n FROM audit_events"))[0].n);
    const refused = async (
      name: string,
      input: Record<string, unknown>,
      code: string,
      field: string,
      message?: RegExp,
      caller = counselor,
    ) => {
      const before = await auditCount();
      const result = await mutate(name, input, caller);
      expect(errorOf(result)).toEqual({ code, field });
      if (message) expect(result.errors?.[0]?.message).toMatch(message);
      expect(await auditCount()).toBe(before);
    };
    /** A contract read as the gateway would fetch it, with the names and identity the members subgraph gives. */
    const contract = async (id: string, personId: string, selection: string, caller = counselor) =>
      execute(
        server,
        ENTITIES_QUERY(`... on Contract { ${selection} }`),
        {
          representations: [
            {
              __typename: "Contract",
              id,
              person: { __typename: "Person", id: personId, firstName: "Maïwenn", lastName: "Escoubet" },
              cooperative: { __typename: "Cooperative", id: COOP, profile: PROFILE },
            },
          ],
        },
        caller,
      );
    const printed = async (id: string, personId: string, field = "pdf"): Promise<string> => {
      const result = await contract(id, personId, field === "pdf" ? field : `${field} { pdf }`);
      expect(result.errors).toBeUndefined();
      const value = (result.data?._entities as Record<string, unknown>[])[0][field];
      return pdfText(field === "pdf" ? (value as string) : (value as { pdf: string }).pdf);
    };
    const smic = (date: string, hundredths: number) => String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, date, hundredths)!);
    const cesaInput = (personId: string, startsOn: string, more: Record<string, unknown> = {}) => ({
      personId,
      type: "OPEN_ENDED",
      startsOn,
      monthlyHours: "80",
      fixedMonthlyPayCents: smic(startsOn, 8000),
      variablePay: "Résultat de l'activité après contribution",
      directHireReason: "Clientèle déjà constituée",
      legal: employmentLegalInput(),
      ...more,
    });
    const capeInput = (personId: string, startsOn: string) => ({
      personId,
      startsOn,
      endsOn: addDays(addMonths(startsOn, 6), -1),
      supportGiven: "Suivi mensuel",
      legal: supportAgreementLegalInput(),
    });

    beforeAll(async () => {
      server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
    });
    afterAll(() => server?.stop());

    it("refuses a CESA or a CAPE without what the law requires it to state, naming the field, and writes nothing", async () => {
      const person = await admitted();
      const start = addDays(T, 10);
      await refused("draftEmploymentContract", { ...cesaInput(person, start), legal: null }, "BAD_USER_INPUT", "input.legal", /L7331-2/);
      await refused("draftSupportAgreement", { ...capeInput(person, start), legal: null }, "BAD_USER_INPUT", "input.legal", /R127-1/);
      const { partTimeRequest: _request, ...fullTimeTerms } = employmentLegalInput();
      await refused(
        "draftEmploymentContract",
        { ...cesaInput(person, start), legal: fullTimeTerms },
        "BAD_USER_INPUT",
        "input.legal.partTimeRequest",
        /18\.46 hours a week, under 24.*L3123-7/,
      );
      await refused(
        "draftEmploymentContract",
        { ...cesaInput(person, start), type: "FIXED_TERM", endsOn: addDays(start, 90) },
        "BAD_USER_INPUT",
        "input.legal.fixedTermGround",
        /L1242-2/,
      );
      await refused(
        "draftEmploymentContract",
        { ...cesaInput(person, start), legal: employmentLegalInput("FIXED_TERM") },
        "BAD_USER_INPUT",
        "input.legal.fixedTermGround",
      );
      await refused(
        "draftEmploymentContract",
        { ...cesaInput(person, start), legal: { ...employmentLegalInput(), objectives: "  " } },
        "BAD_USER_INPUT",
        "input.legal.objectives",
      );
      await refused(
        "draftEmploymentContract",
        { ...cesaInput(person, start), legal: { ...employmentLegalInput(), supportMeans: [] } },
        "BAD_USER_INPUT",
        "input.legal.supportMeans",
      );
      await refused(
        "draftSupportAgreement",
        { ...capeInput(person, start), legal: { ...supportAgreementLegalInput(), earlyTermination: "" } },
        "BAD_USER_INPUT",
        "input.legal.earlyTermination",
      );
      // Full time needs no request: the same terms without it are taken; lowering the hours later asks for it again.
      const fullTime = await made("draftEmploymentContract", {
        ...cesaInput(person, start),
        monthlyHours: "151.67",
        fixedMonthlyPayCents: smic(start, 15167),
        legal: fullTimeTerms,
      });
      await refused(
        "updateContractDraft",
        { id: fullTime, monthlyHours: "80", fixedMonthlyPayCents: smic(start, 8000) },
        "BAD_USER_INPUT",
        "input.employmentLegal.partTimeRequest",
      );
      await refused(
        "updateContractDraft",
        { id: fullTime, supportAgreementLegal: supportAgreementLegalInput() },
        "BAD_USER_INPUT",
        "input.supportAgreementLegal",
      );
    });

    it("prints a CESA with every mention of L7331-2, the part-time request and the fixed-term ground, and a CAPE with its legal title and R127-1 items", async () => {
      const person = await admitted();
      const capeStart = addDays(T, -200);
      const cape = await made("draftSupportAgreement", capeInput(person, capeStart));
      await made("signContract", { id: cape, signedOn: capeStart });
      const capeText = await printed(cape, person);
      for (const mention of [
        "Contrat d'appui au projet d'entreprise pour la création ou la reprise d'une activité économique",
        "Garonne Activités SCOP SARL",
        "SIRET 73282932000074",
        "Maïwenn Escoubet",
        "Programme d'appui avant le début de l'activité Étude de marché accompagnée et construction de l'offre.",
        "Programme d'appui après le début de l'activité Suivi mensuel de l'activité et des premières ventes.",
        "– Hébergement juridique de l'activité",
        "La coopérative apporte son appui sans rémunération.",
        "Nature des engagements que le bénéficiaire peut prendre à l'égard des tiers : Achats de fournitures et de petits matériels. Montant maximal : 3 000,00 €.",
        "Prise en charge : la coopérative, personne morale responsable de l'appui",
        "Relevé mensuel des recettes et des dépenses de l'activité.",
        "Chaque partie peut y mettre fin par lettre recommandée avec un préavis de quinze jours.",
        "la coopérative ne lui verse pas de rémunération",
        "Protection sociale du bénéficiaire : Le bénéficiaire reste inscrit comme demandeur d'emploi.",
        "12 mois au plus",
        `Contrat signé le ${french(capeStart)}`,
        "modèle de contrat version 1",
      ]) {
        expect(capeText).toContain(mention);
      }
      expect(capeText).not.toMatch(/convention/i);

      const start = addDays(T, -30);
      const cesa = await made("draftEmploymentContract", {
        ...cesaInput(person, start, { type: "FIXED_TERM", endsOn: addDays(T, 200), directHireReason: null }),
        legal: employmentLegalInput("FIXED_TERM"),
      });
      const cesaText = await printed(cesa, person);
      for (const mention of [
        "Contrat d'entrepreneur salarié associé",
        "Projet de contrat, non signé.",
        // a: objectives and minimum activity
        "Objectifs : Développer une activité de menuiserie sur mesure",
        "Activité minimale : un chiffre d'affaires hors taxes d'au moins 18 000,00 € par an.",
        // b: support and control
        "– Rendez-vous mensuel avec un conseiller",
        "Contrôle de l'activité : Revue trimestrielle des comptes de l'activité avec le conseiller.",
        // c: contribution
        "services mutualisés : 10 % du chiffre d'affaires hors taxes encaissé",
        // d: fixed pay and variable part
        `Part fixe de la rémunération brute mensuelle : ${euros(smic(start, 8000))}`,
        "Part variable : Résultat de l'activité après contribution",
        // e: statutes
        "statuts de la coopérative en vigueur (Statuts modifiés par l'AGE, adoptés le 15/06/2024)",
        // f: customers and intellectual property
        "La clientèle développée et les droits de propriété intellectuelle créés par l'entrepreneur",
        // part time under 24 hours a week, on the employee's written request
        "18,46 heures par semaine, est inférieure à 24 heures à la demande écrite et motivée de l'entrepreneur du 06/01/2020 (L3123-7 et L3123-27",
        "Activité lancée progressivement à côté d'une formation.",
        // the fixed-term ground
        "Contrat à durée déterminée.",
        "Motif du recours au contrat à durée déterminée : accroissement temporaire de l'activité (L1242-2 2°). Commande ponctuelle d'un client.",
        "Période d'essai",
        "Pour la coopérative",
      ]) {
        expect(cesaText).toContain(mention);
      }
      // The legal content is also read back as data.
      const data = await contract(
        cesa,
        person,
        "employment { legal { weeklyHours customerRights fixedTermGround { case } partTimeRequest { requestedOn } } }",
      );
      expect((data.data?._entities as unknown[])[0]).toEqual({
        employment: {
          legal: {
            weeklyHours: "18.46",
            customerRights: "ENTREPRENEUR_KEEPS",
            fixedTermGround: { case: "TEMPORARY_INCREASE" },
            partTimeRequest: { requestedOn: "2020-01-06" },
          },
        },
      });
    });

    it("keeps each cooperative's wording in versions: placeholders checked, administrators only, audited, a signed contract printed with its version", async () => {
      // Today as the test starts, not as the file loaded: a run may cross midnight in France, and a wording applies from today on.
      const T = todayInFrance();
      const person = await admitted();
      const signedBefore = await made("draftEmploymentContract", cesaInput(person, addDays(T, -5)));
      await made("signContract", { id: signedBefore, signedOn: addDays(T, -6) });

      const publish = (body: string, effectiveFrom = T) => ({ cooperativeId: COOP, kind: "EMPLOYMENT", effectiveFrom, body });
      const reworded = DEFAULT_TEMPLATES.EMPLOYMENT.replace("# Durée du travail", "# Temps de travail convenu entre les parties");
      await refused(
        "publishContractTemplate",
        publish(`${reworded}\n\n{{person.shoeSize}}`),
        "BAD_USER_INPUT",
        "input.body",
        /Unknown placeholder \{\{person.shoeSize\}\}/,
        admin,
      );
      await refused(
        "publishContractTemplate",
        publish(reworded.replace("{{legal.customerRights}}", "")),
        "BAD_USER_INPUT",
        "input.body",
        /lacks \{\{legal.customerRights\}\}/,
        admin,
      );
      await refused(
        "publishContractTemplate",
        publish(reworded, addDays(T, -1)),
        "BAD_USER_INPUT",
        "input.effectiveFrom",
        undefined,
        admin,
      );
      const byCounselor = await mutate("publishContractTemplate", publish(reworded));
      expect(byCounselor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

      const published = await mutate("publishContractTemplate", publish(reworded), admin, "id kind version effectiveFrom");
      expect(published.errors).toBeUndefined();
      expect(published.data?.publishContractTemplate).toMatchObject({ kind: "EMPLOYMENT", version: 2, effectiveFrom: T });
      await refused("publishContractTemplate", publish(reworded), "CONFLICT", "input.effectiveFrom", /after it/, admin);
      const [audit] = await server.database.dataSource.query(
        "SELECT actor_role, details FROM audit_events WHERE action = 'publishContractTemplate' ORDER BY seq DESC LIMIT 1",
      );
      expect(audit.actor_role).toBe("COOP_ADMIN");
      expect(audit.details).toMatchObject({ kind: "EMPLOYMENT", version: 2 });

      // Signed with version 1, the contract keeps its wording; a draft, and a contract signed now, print version 2.
      const before = await printed(signedBefore, person);
      expect(before).toContain("Durée du travail");
      expect(before).not.toContain("Temps de travail convenu");
      expect(before).toContain("modèle de contrat version 1");
      const signedAfter = await made("draftEmploymentContract", cesaInput(await admitted(), addDays(T, 3)));
      const draftText = await printed(signedAfter, person);
      expect(draftText).toContain("Temps de travail convenu entre les parties");
      await made("signContract", { id: signedAfter, signedOn: T });
      expect(await printed(signedAfter, person)).toContain("modèle de contrat version 2");
      expect(await printed(signedBefore, person)).toContain("modèle de contrat version 1");

      const templates = await execute(
        server,
        ENTITIES_QUERY(`... on Cooperative { contractTemplates { kind version placeholders { name required } } }`),
        { representations: [{ __typename: "Cooperative", id: COOP }] },
      );
      const listed = (templates.data?._entities as { contractTemplates: { kind: string; version: number }[] }[])[0].contractTemplates;
      expect(listed.filter((template) => template.kind === "EMPLOYMENT").map((template) => template.version)).toEqual([1, 2]);
    });

    it("issues the CAPE attestation, the employer's certificate and the attestation of employment, to the person and the staff only", async () => {
      const person = await admitted();
      const capeStart = addDays(T, -300);
      const cape = await made("draftSupportAgreement", { ...capeInput(person, capeStart), endsOn: addDays(addMonths(capeStart, 12), -1) });
      await made("signContract", { id: cape, signedOn: capeStart });
      await made("endContract", { id: cape, endedOn: addDays(T, -200), reason: "NEXT_CONTRACT" });
      const capeText = await printed(cape, person, "supportAgreementAttestation");
      for (const mention of [
        "Attestation de contrat d'appui au projet d'entreprise",
        "Destinée à France Travail",
        `atteste que Maïwenn Escoubet a bénéficié d'un contrat d'appui au projet d'entreprise pour la création ou la reprise d'une activité économique (articles L127-1 à L127-7 du Code de commerce), du ${french(capeStart)} au ${french(addDays(T, -200))}`,
        "Le contrat n'a pas été renouvelé.",
        "Protection sociale du bénéficiaire : Le bénéficiaire reste inscrit comme demandeur d'emploi.",
      ]) {
        expect(capeText).toContain(mention);
      }

      const start = addDays(T, -150);
      const cesa = await made("draftEmploymentContract", cesaInput(person, start, { directHireReason: null }));
      await made("signContract", { id: cesa, signedOn: start });
      const amendedOn = addDays(start, 60);
      await made("amendEmploymentContract", {
        id: cesa,
        effectiveOn: amendedOn,
        monthlyHours: "120",
        fixedMonthlyPayCents: smic(amendedOn, 12000),
        reason: "Croissance",
      });
      const working = await printed(cesa, person, "employmentAttestation");
      expect(working).toContain(
        `atteste que Maïwenn Escoubet est employé(e) depuis le ${french(start)} en qualité d'entrepreneur salarié associé`,
      );
      expect(working).toContain("Durée du travail : 120,00 heures par mois, soit 27,69 heures par semaine.");
      const notEnded = await contract(cesa, person, "employerCertificate { endedOn }");
      expect((notEnded.data?._entities as unknown[])[0]).toEqual({ employerCertificate: null });

      await made("endContract", { id: cesa, endedOn: addDays(T, -1), reason: "MUTUAL_AGREEMENT" });
      const certificate = await contract(
        cesa,
        person,
        "employerCertificate { startsOn endedOn employmentType monthlyHours endReason lastFixedMonthlyPayCents }",
      );
      expect((certificate.data?._entities as unknown[])[0]).toEqual({
        employerCertificate: {
          startsOn: start,
          endedOn: addDays(T, -1),
          employmentType: "OPEN_ENDED",
          monthlyHours: "120.00",
          endReason: "MUTUAL_AGREEMENT",
          lastFixedMonthlyPayCents: smic(amendedOn, 12000),
        },
      });
      const certificateText = await printed(cesa, person, "employerCertificate");
      for (const mention of [
        "Attestation employeur",
        `atteste avoir employé Maïwenn Escoubet du ${french(start)} au ${french(addDays(T, -1))} par un contrat d'entrepreneur salarié associé (CESA), à durée indéterminée`,
        "120,00 heures par mois",
        "Motif de la fin du contrat : rupture conventionnelle.",
        `Dernière rémunération brute mensuelle, part fixe : ${euros(smic(amendedOn, 12000))}`,
      ]) {
        expect(certificateText).toContain(mention);
      }
      expect(await printed(cesa, person, "employmentAttestation")).toContain(
        `a été employé(e) du ${french(start)} au ${french(addDays(T, -1))}`,
      );

      // The person reads their own; another entrepreneur reads nothing of it.
      const own = await contract(cesa, person, "employmentAttestation { startsOn }", testCaller("ENTREPRENEUR", COOP, person));
      expect(own.errors).toBeUndefined();
      const other = await contract(
        cesa,
        person,
        "employmentAttestation { pdf } employerCertificate { pdf }",
        testCaller("ENTREPRENEUR", COOP, await admitted()),
      );
      expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(other.data ?? {})).not.toContain('pdf":"');
    });
  },
);
