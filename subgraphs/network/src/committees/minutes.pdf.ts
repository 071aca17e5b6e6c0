import { frenchDate, printPdf, reportPeriod, type DocumentBlock } from "@cae/shared";
import type { CommitteeKindValue } from "./committee.entity";

/** What the printed minutes of a held meeting say: plain data, so that the layout knows no entity. */
export interface MinutesDocument {
  committee: { name: string; kind: CommitteeKindValue };
  meeting: {
    heldOn: string;
    place: string;
    agenda: readonly string[];
    minutes: string;
    minutesApprovedOn: string | null;
    periodFrom: string | null;
    periodTo: string | null;
  };
  attendees: readonly { fullName: string; organisation: string; role: string }[];
  decisions: readonly { text: string; owner: string; dueOn: string | null }[];
}

const KIND_LABELS: Record<CommitteeKindValue, string> = { STEERING: "Comité de pilotage", TECHNICAL: "Comité technique" };

/**
 * The minutes (compte rendu) of a committee meeting printed with the network's PDF engine, in French
 * as the committee's members read them: the meeting, who attended, the agenda, the minutes, and the
 * decisions with who carries them out and by when. A draft says so until the committee approves it.
 */
export function minutesPdf({ committee, meeting, attendees, decisions }: MinutesDocument): Promise<Buffer> {
  const held = frenchDate(meeting.heldOn);
  const blocks: DocumentBlock[] = [
    {
      kind: "fields",
      rows: [
        ["Comité", `${committee.name} (${KIND_LABELS[committee.kind]})`],
        ["Date", held],
        ["Lieu", meeting.place],
        ...(meeting.periodFrom && meeting.periodTo
          ? [["Période examinée", reportPeriod(meeting.periodFrom, meeting.periodTo)] as const]
          : []),
        ["Statut", meeting.minutesApprovedOn ? `Approuvé le ${frenchDate(meeting.minutesApprovedOn)}` : "Projet, non encore approuvé"],
      ],
    },
    { kind: "heading", text: "Participants" },
    attendees.length > 0
      ? {
          kind: "table",
          headers: ["Nom", "Organisation", "Rôle"],
          widths: [2, 2, 2],
          rows: attendees.map((attendee) => [attendee.fullName, attendee.organisation, attendee.role]),
        }
      : { kind: "paragraph", text: "Aucun participant enregistré.", align: "left" },
    { kind: "heading", text: "Ordre du jour" },
    ...meeting.agenda.map((item, index): DocumentBlock => ({ kind: "paragraph", text: `${index + 1}. ${item}`, align: "left" })),
    { kind: "heading", text: "Compte rendu" },
    // Paragraphs as typed: a blank line separates them.
    ...meeting.minutes
      .split(/\r?\n\s*\r?\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== "")
      .map((text): DocumentBlock => ({ kind: "paragraph", text, align: "left" })),
    { kind: "heading", text: "Décisions" },
    decisions.length > 0
      ? {
          kind: "table",
          headers: ["Décision", "Responsable", "Échéance"],
          widths: [5, 2, 1.2],
          rows: decisions.map((decision) => [decision.text, decision.owner, decision.dueOn ? frenchDate(decision.dueOn) : "–"]),
        }
      : { kind: "paragraph", text: "Aucune décision.", align: "left" },
  ];
  return printPdf(
    {
      title: "Compte rendu de réunion",
      subtitle: `${committee.name} – réunion du ${held}`,
      author: committee.name,
      blocks,
      footer: [`Compte rendu – ${committee.name} – réunion du ${held}`],
    },
    { lang: "fr-FR" },
  );
}
