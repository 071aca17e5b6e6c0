import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";

@ObjectType({
  description:
    "The signed attendance sheet of a workshop (feuille d'émargement signée), kept as it was received: evidence of the participants' presence for the funders. Staff only.",
})
export class SignedAttendanceSheet {
  /** The workshop's local ID, to load the bytes only when they are asked for. */
  sessionId: string;

  @Field(() => String, { description: 'File name, as given ("emargement-atelier.pdf").' })
  fileName: string;

  @Field(() => String, { description: "Media type: application/pdf, image/jpeg or image/png; the bytes were checked to be of it." })
  mediaType: string;

  @Field(() => Int, { description: "Size in bytes." })
  sizeBytes: number;

  @Field(() => String, { description: "SHA-256 of the bytes, in hexadecimal: proof that the file shown is the one kept." })
  sha256: string;

  @Field(() => LocalDateScalar, { description: "The day it was attached (received), in France." })
  receivedOn: string;
}

@InputType({ description: "The signed attendance sheet (feuille d'émargement) of a workshop that took place: a PDF or a scan." })
export class AttachSignedAttendanceSheetInput {
  @Field(() => ID, { description: "The workshop (a support session of kind WORKSHOP); the request goes to its cooperative." })
  sessionId: string;

  @Field(() => String, { description: 'File name ("emargement-atelier.pdf"), 1 to 200 characters.' })
  fileName: string;

  @Field(() => String, { description: "Media type: application/pdf, image/jpeg or image/png; the bytes must be of that type." })
  mediaType: string;

  @Field(() => String, {
    description: "The file's bytes in base64 (RFC 4648), 700 KiB at most once decoded (the request itself is limited to 1 MB).",
  })
  contentBase64: string;
}
