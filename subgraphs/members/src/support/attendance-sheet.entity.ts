import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The signed attendance sheet of a workshop (feuille d'émargement signée), as it was received: a
 * scan or a PDF, with its SHA-256 so that a funder's controller can check years later that the
 * file shown is the one kept. One per workshop, table `workshop_signature_sheets`.
 */
@Entity({ name: "workshop_signature_sheets" })
export class WorkshopSignatureSheetEntity {
  @PrimaryColumn({ name: "session_id", type: "uuid" })
  sessionId: string;

  @Column({ name: "file_name", type: "text" })
  fileName: string;

  @Column({ name: "media_type", type: "text" })
  mediaType: string;

  @Column({ type: "bytea" })
  content: Buffer;

  @Column({ type: "text" })
  sha256: string;

  @Column({ name: "received_on", type: "date" })
  receivedOn: string;
}
