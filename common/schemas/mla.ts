import { z } from "zod";
import { MLA_REQUEST_KINDS, mlaRequestDraft } from "../mla/request.ts";
import { personRef, trimmed, uuid, version } from "./shared.ts";

/** The MLA register's API (issue 5): requests, their drafts as checked, and the moves of their flows. */
export const mlaKind = z.enum(MLA_REQUEST_KINDS);

export const mlaCreateBody = z.object({
  kind: mlaKind,
  title: trimmed(300),
  caseId: uuid.nullable().optional(),
  draft: mlaRequestDraft.omit({ kind: true }).optional(),
});

export const mlaDraftBody = z.object({
  version,
  title: trimmed(300).optional(),
  /** The CAMS case the request serves; null unlinks it, absent keeps it. */
  caseId: uuid.nullable().optional(),
  draft: mlaRequestDraft.omit({ kind: true }),
});

export const mlaTransitionBody = z.object({
  version,
  to: z.string().min(1).max(64),
  reason: z.string().trim().max(2000).default(""),
  /** A return: the drafting rules' codes it found wanting; a refusal: its grounds (common/mla/grounds.ts). */
  grounds: z.array(z.string().min(1).max(64)).max(20).default([]),
});

export const mlaListQuery = z.object({
  kind: mlaKind.optional(),
  state: z.string().max(64).optional(),
  caseId: uuid.optional(),
});

export const MLA_LINK_RELATIONS = ["follows", "related"] as const;
export const mlaLinkBody = z.object({
  /** The earlier request, by its register reference (e.g. PRES-2026-0001). */
  reference: z.string().trim().min(1).max(40),
  relation: z.enum(MLA_LINK_RELATIONS).default("follows"),
});
export const mlaLinkParams = z.object({ id: uuid, earlierId: uuid });
export const mlaAccessBody = z.object({ userId: uuid });
export const mlaAccessParams = z.object({ id: uuid, userId: uuid });
const namedUser = z.object({ id: z.string(), fullName: z.string(), organisationCode: z.string() });
export const mlaAccessCandidates = z.object({ items: z.array(namedUser) });

const finding = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "suggestion"]),
  field: z.string(),
  message: z.string(),
  fix: z.string(),
  source: z.string(),
  status: z.string(),
  basis: z.string().optional(),
});

export const mlaSummary = z.object({
  id: z.string(),
  reference: z.string(),
  kind: mlaKind,
  state: z.string(),
  title: z.string(),
  organisation: z.object({ id: z.string(), code: z.string(), nameEn: z.string() }),
  stateEnteredAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const mlaDetail = mlaSummary.extend({
  caseId: z.string().nullable(),
  /** The linked case as the reader may see it: number and title only when the case is in their scope. */
  case: z
    .object({ id: z.string(), displayNumber: z.string().nullable(), title: z.string().nullable() })
    .nullable(),
  /** Requests this one follows or relates to, and those that follow it — only those the reader may see. */
  links: z.array(
    z.object({
      direction: z.enum(["earlier", "later"]),
      relation: z.enum(MLA_LINK_RELATIONS),
      id: z.string(),
      reference: z.string(),
      kind: mlaKind,
      state: z.string(),
      title: z.string(),
    }),
  ),
  draft: z.record(z.string(), z.unknown()),
  check: z.object({ findings: z.array(finding), score: z.number() }),
  moves: z.array(
    z.object({
      to: z.string(),
      reasonRequired: z.boolean(),
      grounds: z.enum(["deficiency", "refusal"]).nullable(),
    }),
  ),
  history: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string(),
      actor: personRef,
      role: z.string(),
      at: z.string(),
      secondsInPrevious: z.number().nullable(),
      grounds: z.array(z.string()),
    }),
  ),
  /** Users named on the request (who see it besides the Central Authority and the owning unit). */
  access: z.array(namedUser),
  abilities: z.object({ editDraft: z.boolean(), manageAccess: z.boolean() }),
  createdBy: personRef,
  /** The Central Authority officer handling the request (issue 9), if one is named. */
  handler: personRef.nullable(),
});
export type MlaDetail = z.infer<typeof mlaDetail>;
export const mlaList = z.object({ items: z.array(mlaSummary) });
