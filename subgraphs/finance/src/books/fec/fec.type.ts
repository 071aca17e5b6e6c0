import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { CentsScalar } from "@cae/shared";

@ArgsType()
export class FecExportArgs {
  @Field(() => Int, { description: "The fiscal year (the calendar year): from 2000 to the current year." })
  fiscalYear: number;
}

@ObjectType({ description: "A rule of LPF art. A47 A-1 that a line of the FEC fails." })
export class FecFailure {
  @Field(() => Int, { description: "The line of the file (1 is the header; 0 is the file's name)." })
  line: number;

  @Field(() => String, { description: 'The rule, such as "entry-balance" or "entry-number" (docs/books.md, "The FEC").' })
  rule: string;

  @Field(() => String, { description: "What is wrong." })
  message: string;
}

@ObjectType({
  description:
    "The fichier des écritures comptables (FEC, LPF art. L47 A and A47 A-1) of a fiscal year, written from the journal and checked against the published rules: what a download would give.",
})
export class FecExport {
  @Field(() => Int, { description: "The fiscal year." })
  fiscalYear: number;

  @Field(() => String, { description: "The file's name, <SIREN>FEC<closing date>.txt." })
  fileName: string;

  @Field(() => Int, { description: "Entries in the file." })
  entryCount: number;

  @Field(() => Int, { description: "Lines in the file, the header not counted." })
  lineCount: number;

  @Field(() => CentsScalar, { description: "Total of the Debit column." })
  debitCents: bigint;

  @Field(() => CentsScalar, { description: "Total of the Credit column." })
  creditCents: bigint;

  @Field(() => Boolean, { description: "Whether the file passes every check: only then is it given out." })
  valid: boolean;

  @Field(() => Int, { description: "How many checks fail." })
  failureCount: number;

  @Field(() => [FecFailure], { description: "The first failures (100 at most), in the file's order." })
  failures: FecFailure[];

  @Field(() => String, {
    description:
      "Where the gateway gives the file out (GET, with the same bearer token), such as /cooperatives/<id>/exports/fec?fiscalYear=2026.",
  })
  downloadPath: string;
}
