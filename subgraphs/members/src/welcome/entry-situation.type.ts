import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";

/**
 * The French national nomenclature of certification levels (nomenclature nationale des niveaux de
 * diplôme), décret n° 2019-14 of 8 January 2019: levels 3 to 8, and below them what has no level.
 * Funders ask for it in these terms (docs/members.md, "Situation at entry").
 */
export const EducationLevel = {
  BELOW_LEVEL_3: "BELOW_LEVEL_3",
  LEVEL_3: "LEVEL_3",
  LEVEL_4: "LEVEL_4",
  LEVEL_5: "LEVEL_5",
  LEVEL_6: "LEVEL_6",
  LEVEL_7: "LEVEL_7",
  LEVEL_8: "LEVEL_8",
} as const;
export type EducationLevel = (typeof EducationLevel)[keyof typeof EducationLevel];
registerEnumType(EducationLevel, {
  name: "EducationLevel",
  description:
    "The highest certification level reached (niveau de diplôme), in the French national nomenclature of certification levels (décret n° 2019-14 du 8 janvier 2019).",
  valuesConfig: {
    BELOW_LEVEL_3: { description: "No diploma, or below level 3 (sans diplôme, infra 3: brevet des collèges at most)." },
    LEVEL_3: { description: "Level 3 of décret 2019-14: CAP, BEP." },
    LEVEL_4: { description: "Level 4 of décret 2019-14: baccalauréat (général, technologique, professionnel), brevet professionnel." },
    LEVEL_5: { description: "Level 5 of décret 2019-14: bac+2 (BTS, DUT, DEUST)." },
    LEVEL_6: { description: "Level 6 of décret 2019-14: licence, licence professionnelle, BUT, bac+3 or bac+4." },
    LEVEL_7: { description: "Level 7 of décret 2019-14: master, engineering or business school diploma, bac+5." },
    LEVEL_8: { description: "Level 8 of décret 2019-14: doctorate (doctorat)." },
  },
});

@ObjectType({
  description:
    "The person's situation when they came to the cooperative (situation à l'entrée), recorded at the individual reception for the funders' reports. Every answer is null when it was not asked or not said.",
})
export class EntrySituation {
  @Field(() => Boolean, {
    nullable: true,
    description: "Registered as a job seeker with France Travail (demandeur d'emploi inscrit) at entry.",
  })
  jobSeeker: boolean | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Registered as a job seeker since this day (date d'inscription): for a registered job seeker only.",
  })
  jobSeekerSince: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Receiving the unemployment benefit (allocation d'aide au retour à l'emploi, ARE) at entry.",
  })
  unemploymentBenefit: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Receiving the revenu de solidarité active (RSA, Code de l'action sociale et des familles L262-1) at entry.",
  })
  rsa: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Recognised as a disabled worker (reconnaissance de la qualité de travailleur handicapé, RQTH: Code du travail L5213-1 and L5213-2).",
  })
  disabilityRecognised: boolean | null;

  @Field(() => EducationLevel, {
    nullable: true,
    description: "Highest certification level reached (niveau de diplôme), nomenclature of décret n° 2019-14.",
  })
  educationLevel: EducationLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Living in a priority neighbourhood of urban policy (quartier prioritaire de la politique de la ville, QPV: loi n° 2014-173 du 21 février 2014).",
  })
  priorityNeighbourhood: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'INSEE code of the département of residence (code département): "01" to "95" ("20" is no longer one), "2A", "2B", "971" to "976".',
  })
  departement: string | null;

  @Field(() => LocalDateScalar, { description: "The day the situation was last recorded or corrected." })
  updatedOn: string;
}

@InputType({
  description:
    "The person's situation at entry (situation à l'entrée), as told at the reception. Every field is optional: absent or null means not asked or not said.",
})
export class EntrySituationInput {
  @Field(() => Boolean, { nullable: true, description: "Registered as a job seeker with France Travail at entry." })
  jobSeeker?: boolean | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Registered as a job seeker since this day: only when jobSeeker is true; not in the future, not after the reception, not before the person was 16.",
  })
  jobSeekerSince?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Receiving the unemployment benefit (ARE); true is refused when jobSeeker is false (the ARE is a job seeker's).",
  })
  unemploymentBenefit?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Receiving the revenu de solidarité active (RSA)." })
  rsa?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Recognised as a disabled worker (RQTH)." })
  disabilityRecognised?: boolean | null;

  @Field(() => EducationLevel, { nullable: true, description: "Highest certification level reached (décret n° 2019-14)." })
  educationLevel?: EducationLevel | null;

  @Field(() => Boolean, { nullable: true, description: "Living in a priority neighbourhood of urban policy (QPV)." })
  priorityNeighbourhood?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the département of residence: "01" to "95" except "20", "2A", "2B", "971" to "976".',
  })
  departement?: string | null;
}

@InputType({
  description:
    "A person's whole situation at entry, replacing the one recorded: a field absent or null reads not asked or not said afterwards.",
})
export class SetEntrySituationInput extends EntrySituationInput {
  @Field(() => ID, { description: "The person received; the request goes to their cooperative." })
  personId: string;
}
