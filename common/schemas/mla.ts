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
  draft: mlaRequestDraft.omit({ kind: true }),
});

export const mlaTransitionBody = z.object({
  version,
  to: z.string().min(1).max(64),
  reason: z.string().trim().max(2000).default(""),
});

export const mlaListQuery = z.object({
  kind: mlaKind.optional(),
  state: z.string().max(64).optional(),
});

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
  draft: z.record(z.string(), z.unknown()),
  check: z.object({ findings: z.array(finding), score: z.number() }),
  moves: z.array(z.object({ to: z.string(), reasonRequired: z.boolean() })),
  history: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string(),
      actor: personRef,
      role: z.string(),
      at: z.string(),
      secondsInPrevious: z.number().nullable(),
    }),
  ),
  abilities: z.object({ editDraft: z.boolean() }),
  createdBy: personRef,
});
export type MlaDetail = z.infer<typeof mlaDetail>;
export const mlaList = z.object({ items: z.array(mlaSummary) });
