import { z } from "zod";
import { CATEGORIES } from "../case-status.ts";
import { MLA_REQUEST_KINDS } from "../mla/request.ts";
import { INT4_MAX, orgRef, trimmed, uuid, version } from "./shared.ts";

/**
 * Training (issue 9, DOMAIN.md §10): the catalogue of modules, enrolment and progress, quizzes, certificates
 * with a public verification code, and the competences that completed modules grant.
 */
export const TRAINING_TOPICS = [
  "cams",
  "mla",
  "electronic_evidence",
  "litigation",
  "counter_terrorism",
  "cybercrime",
  "violent_extremism",
] as const;
export const TRAINING_LANGUAGES = ["en", "ur"] as const;

export const competenceCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "lower-case letters, digits and _");
export const moduleCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, "lower-case letters, digits and -");

// ---- competences ---------------------------------------------------------------------------------------
export const competenceBody = z.object({
  nameEn: trimmed(120),
  nameUr: trimmed(120),
  description: z.string().trim().max(2000).default(""),
  /** The case categories for which holding it counts in assignment. */
  caseCategories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  /** The MLA request kinds for which holding it counts in choosing the handling officer. */
  mlaKinds: z.array(z.enum(MLA_REQUEST_KINDS)).max(MLA_REQUEST_KINDS.length),
  source: z.string().trim().max(500).default(""),
});
export const competenceCreate = competenceBody.extend({ code: competenceCode });
export const competenceUpdate = competenceBody.extend({ version });
export const competence = competenceCreate.extend({ version: z.number(), modules: z.number() });
export type Competence = z.infer<typeof competence>;
export const competenceList = z.object({ items: z.array(competence) });
export const competenceCodeParams = z.object({ code: competenceCode });

/** A competence someone holds, and the certificate it rests on. */
export const heldCompetence = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  /** Only for the holder and those who oversee their organisation's training; null for other readers. */
  certificateCode: z.string().nullable(),
  moduleTitle: z.string(),
  issuedAt: z.string(),
});
export type HeldCompetence = z.infer<typeof heldCompetence>;

// ---- modules -----------------------------------------------------------------------------------------
const markdown = z.string().max(50_000);
/** A page or question keeps its `id` through an edit (its attachments and who read it go with it); new ones have none. */
export const pageInput = z.object({ id: uuid.optional(), title: trimmed(200), body: markdown });
export const questionInput = z
  .object({
    id: uuid.optional(),
    prompt: trimmed(1000),
    options: z.array(trimmed(500)).min(2).max(8),
    /** 0-based indices of the right options; a question is right only when exactly these are chosen. */
    correct: z.array(z.number().int().min(0).max(7)).min(1).max(8),
    explanation: z.string().trim().max(2000).default(""),
  })
  .superRefine((q, ctx) => {
    if (new Set(q.correct).size !== q.correct.length)
      ctx.addIssue({ code: "custom", path: ["correct"], message: "an option is named twice" });
    if (q.correct.some((i) => i >= q.options.length))
      ctx.addIssue({ code: "custom", path: ["correct"], message: "names an option that does not exist" });
  });
export type QuestionInput = z.infer<typeof questionInput>;

export const moduleBody = z.object({
  code: moduleCode,
  title: trimmed(200),
  description: z.string().trim().max(2000).default(""),
  language: z.enum(TRAINING_LANGUAGES),
  durationMinutes: z.number().int().min(1).max(6000),
  topic: z.enum(TRAINING_TOPICS),
  competenceCode: competenceCode.nullable(),
  /** Percentage of questions that must be right to pass. */
  passMark: z.number().int().min(1).max(100),
  published: z.boolean(),
  pages: z.array(pageInput).min(1).max(50),
  questions: z.array(questionInput).min(1).max(50),
});
export type ModuleBody = z.infer<typeof moduleBody>;
export const moduleUpdate = moduleBody.extend({ version });

const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
});
export const enrolmentSummary = z.object({
  enrolledAt: z.string(),
  pagesRead: z.array(z.string()),
  completedAt: z.string().nullable(),
  attempts: z.number(),
  bestPercent: z.number().nullable(),
  certificate: z.object({ id: z.string(), code: z.string(), revoked: z.boolean() }).nullable(),
});
export type EnrolmentSummary = z.infer<typeof enrolmentSummary>;

export const moduleSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.enum(TRAINING_LANGUAGES),
  durationMinutes: z.number(),
  topic: z.enum(TRAINING_TOPICS),
  competence: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
  passMark: z.number(),
  published: z.boolean(),
  pageCount: z.number(),
  questionCount: z.number(),
  version: z.number(),
  mine: enrolmentSummary.nullable(),
});
export type ModuleSummary = z.infer<typeof moduleSummary>;
export const moduleList = z.object({ items: z.array(moduleSummary) });
export const moduleListQuery = z.object({
  topic: z.enum(TRAINING_TOPICS).optional(),
  language: z.enum(TRAINING_LANGUAGES).optional(),
  q: z.string().trim().max(200).optional(),
  /** Administrators only: include unpublished drafts. */
  drafts: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

/** A module as a learner reads it: questions without their answers. */
export const moduleDetail = moduleSummary.extend({
  pages: z.array(
    z.object({ id: z.string(), title: z.string(), body: z.string(), attachments: z.array(attachment) }),
  ),
  questions: z.array(
    z.object({ id: z.string(), prompt: z.string(), options: z.array(z.string()), multiple: z.boolean() }),
  ),
});
export type ModuleDetail = z.infer<typeof moduleDetail>;
/** A module as an administrator edits it: with the answers. */
export const moduleEditable = moduleDetail.extend({
  competenceCode: z.string().nullable(),
  questions: z.array(
    z.object({
      id: z.string(),
      prompt: z.string(),
      options: z.array(z.string()),
      correct: z.array(z.number()),
      explanation: z.string(),
    }),
  ),
});
export type ModuleEditable = z.infer<typeof moduleEditable>;
export const modulePageParams = z.object({ id: uuid, pageId: uuid });

// ---- quiz ----------------------------------------------------------------------------------------------
export const attemptBody = z.object({
  /** The module version the learner read; a module edited since answers 409. */
  moduleVersion: z.number().int().min(1).max(INT4_MAX),
  answers: z
    .array(z.object({ questionId: uuid, chosen: z.array(z.number().int().min(0).max(7)).max(8) }))
    .max(50),
});
/** Per question: right or wrong; the right options and the explanation only when the attempt passed. */
export const attemptResult = z.object({
  id: z.string(),
  score: z.number(),
  total: z.number(),
  percent: z.number(),
  passMark: z.number(),
  passed: z.boolean(),
  submittedAt: z.string(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      right: z.boolean(),
      correct: z.array(z.number()),
      explanation: z.string(),
    }),
  ),
  certificate: z.object({ id: z.string(), code: z.string() }).nullable(),
});
export type AttemptResult = z.infer<typeof attemptResult>;

// ---- certificates --------------------------------------------------------------------------------------
export const certificate = z.object({
  id: z.string(),
  code: z.string(),
  holder: z.object({ id: z.string(), fullName: z.string(), organisation: orgRef }),
  module: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  competence: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
  percent: z.number(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificate>;
export const certificateList = z.object({ items: z.array(certificate) });
export const certificateListQuery = z.object({
  userId: uuid.optional(),
  moduleId: uuid.optional(),
  code: z.string().trim().max(40).optional(),
});
export const revokeBody = z.object({ reason: trimmed(500) });
export const verifyParams = z.object({ code: z.string().max(64) });
/** What the public verification page shows: enough to match a paper certificate, nothing more. */
export const certificateVerification = z.object({
  code: z.string(),
  status: z.enum(["valid", "revoked"]),
  holderName: z.string(),
  organisation: z.object({ nameEn: z.string(), nameUr: z.string() }),
  moduleTitle: z.string(),
  competence: z.object({ nameEn: z.string(), nameUr: z.string() }).nullable(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof certificateVerification>;

/** The signed-in user's learning: enrolments (with the module's summary), certificates and competences. */
export const myTraining = z.object({
  modules: z.array(moduleSummary),
  certificates: z.array(certificate),
  competences: z.array(heldCompetence),
});

// ---- completion report ---------------------------------------------------------------------------------
export const completionQuery = z.object({ organisationId: uuid.optional(), moduleId: uuid.optional() });
export const completionRow = z.object({
  organisation: orgRef,
  module: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  /** People of the organisation (active users). */
  people: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  /** completed / people, in percent, one decimal. */
  completionPercent: z.number(),
  revoked: z.number(),
});
export type CompletionRow = z.infer<typeof completionRow>;
export const completionReport = z.object({ rows: z.array(completionRow) });
export const completionExportQuery = completionQuery.extend({ format: z.enum(["csv", "xlsx"]) });
