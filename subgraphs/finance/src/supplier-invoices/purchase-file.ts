import { createHash } from "node:crypto";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, In, PrimaryGeneratedColumn, type DataSource, type EntityManager } from "typeorm";
import { badUserInput, loaderByKey, requiredText } from "@cae/shared";

/**
 * A file proving a purchase (a supplier's invoice, a receipt), kept in the database with the record
 * it proves, table `purchase_files`: its bytes, media type, size and SHA-256, so that an auditor can
 * check ten years later that the piece is the one that was booked. Shared by supplier invoices and
 * expense reports.
 */
@Entity({ name: "purchase_files" })
export class PurchaseFileEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "file_name", type: "text" })
  fileName: string;

  @Column({ name: "media_type", type: "text" })
  mediaType: string;

  @Column({ name: "size_bytes", type: "integer" })
  sizeBytes: number;

  @Column({ type: "text" })
  sha256: string;

  @Column({ type: "bytea" })
  content: Buffer;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/**
 * 512 KiB: a scanned page or a supplier's PDF. The limit follows from the request body's (1 MB,
 * `MAX_BODY_BYTES`): a file travels in base64 (4/3 of its size) inside the mutation that records
 * it, so two such files and the rest of a request cannot pass it.
 */
export const MAX_FILE_BYTES = 512 * 1024;

/** What each media type's bytes begin with: the declared type must be the real one. */
const SIGNATURES: Record<string, number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  // An e-invoice received as XML alone (CII or UBL), kept as it came.
  "application/xml": [0x3c], // <
};
export const MEDIA_TYPES = Object.keys(SIGNATURES);

@InputType({ description: "A file attached to a purchase: a PDF, JPEG or PNG of 512 KiB at most, in base64." })
export class PurchaseFileInput {
  @Field(() => String, { description: 'File name ("facture-118.pdf"), 1 to 200 characters.' })
  fileName: string;

  @Field(() => String, {
    description: "Media type: application/pdf, image/jpeg, image/png, or application/xml for an e-invoice; the bytes must be of that type.",
  })
  mediaType: string;

  @Field(() => String, { description: "The file's bytes in base64 (RFC 4648), 512 KiB at most once decoded." })
  contentBase64: string;
}

@ObjectType({ description: "A file attached to a purchase (an invoice, a receipt), as it was received." })
export class PurchaseFile {
  @Field(() => String, { description: "File name." })
  fileName: string;

  @Field(() => String, { description: "Media type." })
  mediaType: string;

  @Field(() => Int, { description: "Size in bytes." })
  sizeBytes: number;

  @Field(() => String, { description: "SHA-256 of the bytes, in hexadecimal: proof that the file is the one that was booked." })
  sha256: string;

  @Field(() => String, { description: "The bytes in base64." })
  contentBase64: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A file input checked (type, size, signature), ready to store; `field` names it in errors. */
export function checkedFile(input: PurchaseFileInput, field: string) {
  const fileName = requiredText(input.fileName, `${field}.fileName`, 200);
  if (!MEDIA_TYPES.includes(input.mediaType)) {
    throw badUserInput(`${field}.mediaType must be one of ${MEDIA_TYPES.join(", ")}, got "${input.mediaType}"`, `${field}.mediaType`);
  }
  const text = input.contentBase64.replace(/\s+/g, "");
  // Checked on the text's length first, so an oversized file is refused before it is decoded.
  if (text.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) {
    throw badUserInput(`${field}.contentBase64 is over ${MAX_FILE_BYTES} bytes (512 KiB)`, `${field}.contentBase64`);
  }
  if (text.length === 0 || !BASE64.test(text)) throw badUserInput(`${field}.contentBase64 is not base64`, `${field}.contentBase64`);
  const content = Buffer.from(text, "base64");
  if (content.length > MAX_FILE_BYTES) {
    throw badUserInput(`${field}.contentBase64 is over ${MAX_FILE_BYTES} bytes (512 KiB)`, `${field}.contentBase64`);
  }
  const signature = SIGNATURES[input.mediaType];
  if (content.length < signature.length || signature.some((byte, i) => content[i] !== byte)) {
    throw badUserInput(`${field}.contentBase64 is not a ${input.mediaType} file (its first bytes say otherwise)`, `${field}.contentBase64`);
  }
  return {
    fileName,
    mediaType: input.mediaType,
    sizeBytes: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    content,
  };
}

export type CheckedFile = ReturnType<typeof checkedFile>;

/** Stores checked files in one statement, giving their IDs in order. */
export async function storeFiles(manager: EntityManager, files: readonly CheckedFile[]): Promise<string[]> {
  if (files.length === 0) return [];
  const repository = manager.getRepository(PurchaseFileEntity);
  const saved = await repository.save(files.map((file) => repository.create(file)));
  return saved.map((file) => file.id);
}

export const toPurchaseFile = (entity: PurchaseFileEntity): PurchaseFile => ({
  fileName: entity.fileName,
  mediaType: entity.mediaType,
  sizeBytes: entity.sizeBytes,
  sha256: entity.sha256,
  contentBase64: Buffer.from(entity.content).toString("base64"),
});

/** Files by ID: one statement for every file a request shows. */
export function createPurchaseFileLoaders(db: DataSource) {
  return {
    purchaseFileById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(PurchaseFileEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}
