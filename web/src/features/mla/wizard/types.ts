import type { MlaDirectory } from "../../../../../common/mla/directory.ts";
import type { MlaRequestDraft } from "../../../../../common/mla/request.ts";
import type { MlaDetail } from "../api.ts";

export type Draft = Omit<MlaRequestDraft, "kind">;

/** What every step of the wizard gets: the draft as typed, a way to change it, and the server's field errors. */
export type StepProps = {
  detail: MlaDetail;
  draft: Draft;
  patch: (p: Partial<Draft>) => void;
  readOnly: boolean;
  errors: Record<string, string | undefined>;
  directory: MlaDirectory | undefined;
};

export const STEPS = ["parties", "subjects", "case", "assistance", "references", "review"] as const;
export type Step = (typeof STEPS)[number];

/** The step that holds a draft field, so each step shows how many findings wait on it. */
const FIELD_STEP: Record<string, Step> = {
  requestedState: "parties",
  requestingState: "parties",
  provider: "parties",
  custodian: "parties",
  domesticCase: "parties",
  language: "parties",
  channel: "parties",
  translation: "parties",
  subjects: "subjects",
  timeRanges: "subjects",
  offences: "case",
  facts: "case",
  evidenceLink: "case",
  probableCause: "case",
  terrorismFinancing: "case",
  dualCriminality: "case",
  earlierReferences: "references",
  linkedRequests: "references",
};

export function stepOfField(field: string): Step {
  const top = field.split(/[.[]/)[0] ?? "";
  return FIELD_STEP[top] ?? "assistance";
}
