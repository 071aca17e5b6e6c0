import { frenchDate, labelOf, SESSION_TOPIC_LABELS, type PrintedDocument } from "@cae/shared";
import type { SessionTopic } from "./support.type";

/** The mention that says why the sheet is signed and kept: the funders' control of the support they pay for. */
export const EVIDENCE_MENTION =
  "Feuille d'émargement conservée par la coopérative comme pièce justificative de l'accompagnement auprès de ses financeurs, " +
  "pour le contrôle du service fait (règlement (UE) 2021/1060, article 82 : conservation des pièces justificatives).";

/** "2 h", "1 h 30", "45 min". */
export function frenchDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}

export interface AttendanceSheetParts {
  cooperative: { legalName: string; address: string; siret: string } | null;
  workshop: { heldOn: string; durationMinutes: number; topic: SessionTopic };
  counselor: { firstName: string; lastName: string };
  people: readonly { firstName: string; lastName: string }[];
}

// The engine sizes a table row to its text: blank lines make a box tall enough to sign in.
const SIGNATURE_SPACE = "\n\n\n";
const COUNSELOR_SIGNATURE_SPACE = "\n\n\n\n";

const byName = (a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }) =>
  a.lastName.localeCompare(b.lastName, "fr", { sensitivity: "base" }) ||
  a.firstName.localeCompare(b.firstName, "fr", { sensitivity: "base" });

/**
 * The blank attendance sheet of a workshop (feuille d'émargement), to print and have signed: the
 * cooperative, the workshop (date, duration, topic, counselor), one row per participant by last
 * name with an empty signature box, a box for the counselor's signature, and why it is kept.
 */
export function attendanceSheetDocument(parts: AttendanceSheetParts): PrintedDocument {
  const { cooperative, workshop, counselor } = parts;
  const cooperativeName = cooperative?.legalName ?? "Coopérative (identité à compléter par son administrateur)";
  const counselorName = `${counselor.firstName} ${counselor.lastName}`;
  const people = [...parts.people].sort(byName);
  return {
    title: "Feuille d'émargement",
    subtitle: "Atelier collectif d'accompagnement",
    author: cooperative?.legalName,
    letterhead: cooperative ? [cooperative.legalName, cooperative.address, `SIRET ${cooperative.siret}`] : [cooperativeName],
    blocks: [
      {
        kind: "fields",
        rows: [
          ["Coopérative", cooperativeName],
          ["Date de l'atelier", frenchDate(workshop.heldOn)],
          ["Durée", frenchDuration(workshop.durationMinutes)],
          ["Thème", labelOf(SESSION_TOPIC_LABELS, workshop.topic)],
          ["Animé par", counselorName],
          ["Nombre de participants", String(people.length)],
        ],
      },
      {
        kind: "paragraph",
        text: "Chaque participant signe en face de son nom pour attester de sa présence à l'atelier.",
        align: "left",
      },
      {
        kind: "table",
        headers: ["Nom", "Prénom", "Signature"],
        widths: [3, 3, 4],
        rows: people.map((person) => [person.lastName, person.firstName, SIGNATURE_SPACE]),
      },
      {
        kind: "table",
        headers: ["Animé par", "Signature de l'animateur ou de l'animatrice"],
        widths: [5, 5],
        rows: [[counselorName, COUNSELOR_SIGNATURE_SPACE]],
      },
      { kind: "paragraph", text: EVIDENCE_MENTION, align: "left" },
    ],
    footer: [`${cooperativeName} – feuille d'émargement de l'atelier du ${frenchDate(workshop.heldOn)}`],
  };
}
