import { badUserInput, type ContractKind } from "@cae/shared";

/**
 * The words a cooperative may put in its contract templates (`{{person.fullName}}`), per kind of
 * contract, and those each kind's template must keep: the mentions the law requires (L7331-2 for a
 * CESA, R127-1 for a CAPE) can be reworded around, never left out. docs/contracts.md, "Templates".
 */
export interface Placeholder {
  name: string;
  description: string;
  /** Whether every template of the kind must print it. */
  required: boolean;
}

const p = (name: string, description: string, required = false): Placeholder => ({ name, description, required });

const COMMON: readonly Placeholder[] = [
  p("person.fullName", "The entrepreneur's first and last name.", true),
  p("person.firstName", "The entrepreneur's first name."),
  p("person.lastName", "The entrepreneur's last name."),
  p("cooperative.legalName", "The cooperative's legal name.", true),
  p("cooperative.siret", "The cooperative's SIRET."),
  p("cooperative.address", "The cooperative's registered office."),
  p("contract.title", "The contract's legal title."),
  p("contract.startsOn", "The first day.", true),
  p("contract.endsOn", "The planned last day, or the words for an open-ended contract."),
  p("contract.signedOn", "The day it was signed, or the words for a draft."),
];

export const PLACEHOLDERS: Record<ContractKind, readonly Placeholder[]> = {
  OBJECTIVE: [
    ...COMMON,
    p("contract.reviewOn", "When the commitments are reviewed together.", true),
    p("contract.commitments", "The reciprocal commitments, one per line."),
  ],
  SUPPORT_AGREEMENT: [
    ...COMMON,
    p("contract.duration", "The agreement's duration and the renewal rule (12 months, twice, 36 months in all).", true),
    p("contract.supportGiven", "The support the cooperative gives, in its summary words."),
    p("contract.revenueGoal", "The revenue goal, or the words saying none was set."),
    p("legal.programmeBeforeStart", "R127-1: the programme of support before the activity starts.", true),
    p("legal.programmeAfterStart", "R127-1: the programme of support after the activity starts.", true),
    p("legal.supportMeans", "R127-1: the means the cooperative provides, one per line.", true),
    p("legal.supportBodyPay", "R127-1: the support body's pay, or the words saying it is free.", true),
    p("legal.thirdPartyCommitments", "R127-1: the nature, maximum amount and bearer of the commitments to third parties.", true),
    p("legal.accountingInformation", "R127-1: the accounting information exchanged.", true),
    p("legal.earlyTermination", "R127-1: how the agreement ends early.", true),
    p("legal.beneficiaryPay", "R127-1: the beneficiary's pay.", true),
    p("legal.socialProtection", "R127-1: the beneficiary's social protection.", true),
  ],
  EMPLOYMENT: [
    ...COMMON,
    p("contract.employmentType", "Open-ended or fixed-term, in words.", true),
    p("contract.monthlyHours", "The monthly hours.", true),
    p("contract.weeklyHours", "The weekly hours (monthly × 12 / 52)."),
    p("contract.fixedPay", "L7331-2 d: the fixed gross monthly pay.", true),
    p("contract.variablePay", "L7331-2 d: how the variable part is computed.", true),
    p("contract.trialPeriod", "The trial period, or the words saying there is none.", true),
    p("contract.associateDeadline", "The associate deadline (L7331-3).", true),
    p("contract.directHire", "Why the person is hired without a CAPE; empty when they had one."),
    p("legal.objectives", "L7331-2 a: the objectives.", true),
    p("legal.minimumActivity", "L7331-2 a: the minimum activity.", true),
    p("legal.supportMeans", "L7331-2 b: the means of support, one per line.", true),
    p("legal.controlMeans", "L7331-2 b: the means of control.", true),
    p("legal.contribution", "L7331-2 c: how the contribution is computed.", true),
    p("legal.statutes", "L7331-2 e: the statutes in force.", true),
    p("legal.customerRights", "L7331-2 f: the rights over customers and intellectual property.", true),
    p("legal.partTimeRequest", "The written request under 24 hours a week; empty at 24 hours or more.", true),
    p("legal.fixedTermGround", "The legal ground of a fixed-term contract; empty for an open-ended one.", true),
  ],
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names a template body uses, in order, each once. */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map(([, name]) => name))];
}

export const TEMPLATE_MAX_LENGTH = 60_000;

/**
 * Checks a template body for its kind: only known placeholders, well formed, every required one
 * present, at least one article. Throws BAD_USER_INPUT on `field`, naming what is wrong.
 */
export function checkTemplateBody(kind: ContractKind, body: string, field = "input.body"): string {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw badUserInput(`${field} must not be empty`, field);
  if (text.length > TEMPLATE_MAX_LENGTH) throw badUserInput(`${field} must be at most ${TEMPLATE_MAX_LENGTH} characters`, field);
  const known = new Set(PLACEHOLDERS[kind].map((placeholder) => placeholder.name));
  const used = placeholdersOf(text);
  const unknown = used.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw badUserInput(
      `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => `{{${name}}}`).join(", ")} in a ${kind} template: the known ones are ${[...known].join(", ")}`,
      field,
    );
  }
  const unbalanced = text.replace(PLACEHOLDER, "");
  if (unbalanced.includes("{{") || unbalanced.includes("}}")) {
    throw badUserInput(`${field} has an unclosed placeholder: write each one as {{name}}`, field);
  }
  const missing = PLACEHOLDERS[kind].filter((placeholder) => placeholder.required && !used.includes(placeholder.name));
  if (missing.length > 0) {
    throw badUserInput(
      `A ${kind} template prints what the law requires: it lacks ${missing.map((placeholder) => `{{${placeholder.name}}}`).join(", ")}`,
      field,
    );
  }
  if (!/^# \S/m.test(text)) throw badUserInput(`${field} has no article: start each one with a line "# Title"`, field);
  return text;
}

/** A template filled in: its opening paragraphs, then its articles. */
export interface FilledTemplate {
  preamble: string[];
  articles: { title: string; paragraphs: string[] }[];
}

/**
 * Fills a template with the contract's values. A line "# Title" opens an article, a blank line
 * separates paragraphs; a paragraph that is empty once filled (a clause that does not apply, such
 * as the part-time request at full time) is left out, so that the document never prints a blank.
 */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): FilledTemplate {
  const filled: FilledTemplate = { preamble: [], articles: [] };
  let paragraphs = filled.preamble;
  let lines: string[] = [];
  const flush = () => {
    const paragraph = lines.join("\n").trim();
    if (paragraph) paragraphs.push(paragraph);
    lines = [];
  };
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.startsWith("# ")) {
      flush();
      const article = { title: fill(line.slice(2).trim(), values), paragraphs: [] as string[] };
      filled.articles.push(article);
      paragraphs = article.paragraphs;
    } else if (line.trim() === "") {
      flush();
    } else {
      lines.push(fill(line, values));
    }
  }
  flush();
  return filled;
}

const fill = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? "");
