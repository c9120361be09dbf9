import { z } from "zod";
import { personRef, uuid, version } from "./shared.ts";
import { heldCompetence } from "./training.ts";

/**
 * The Central Authority officer handling an MLA request (issue 9 item 3): the candidates ranked with the
 * competences from training that count for the request's kind first, then the fewest open requests in hand.
 */
export const handlerCandidate = z.object({
  userId: z.string(),
  fullName: z.string(),
  rank: z.number(),
  /** The competences held that count for this request's kind. */
  competences: z.array(heldCompetence),
  /** Requests not yet in a final state that this officer handles. */
  openRequests: z.number(),
  current: z.boolean(),
});
export const handlerSuggestion = z.object({
  requestId: z.string(),
  kind: z.string(),
  version: z.number(),
  relevantCompetences: z.array(z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() })),
  handler: personRef.nullable(),
  candidates: z.array(handlerCandidate),
});
export type HandlerSuggestion = z.infer<typeof handlerSuggestion>;
export const handlerBody = z.object({ userId: uuid.nullable(), version });
