import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MlaKind } from "./api.ts";

/** A state's readable name in the reader's language (falls back to the code with spaces). */
export function useMlaLabels() {
  const { t } = useTranslation();
  return {
    kind: (kind: MlaKind) => t(`mla.kinds.${kind}`),
    state: (state: string) => t(`mla.states.${state}`, { defaultValue: state.replaceAll("_", " ") }),
  };
}

const FINAL = new Set([
  "closed",
  "refused",
  "withdrawn",
  "returned_unregistered",
  "declined",
  "expired",
  "released",
  "superseded_by_mla",
]);
const RETURNED = new Set([
  "returned_for_amendment",
  "further_information_requested",
  "clarification_requested",
  "postponed",
]);

export function MlaStateBadge({ state }: { state: string }) {
  const { state: label } = useMlaLabels();
  const color = FINAL.has(state)
    ? "gray"
    : RETURNED.has(state)
      ? "orange"
      : state === "draft"
        ? "blue"
        : "teal";
  return (
    <Badge color={color} variant="light" data-testid="mla-state" data-state={state}>
      {label(state)}
    </Badge>
  );
}

/** Seconds as the largest whole unit: "under a minute", "5 minutes", "3 hours", "2 days". */
export function useDuration(): (seconds: number | null) => string {
  const { t } = useTranslation();
  return (seconds) => {
    if (seconds === null) return "—";
    if (seconds < 60) return t("mla.duration.seconds");
    if (seconds < 3600) return t("mla.duration.minutes", { count: Math.floor(seconds / 60) });
    if (seconds < 86_400) return t("mla.duration.hours", { count: Math.floor(seconds / 3600) });
    return t("mla.duration.days", { count: Math.floor(seconds / 86_400) });
  };
}
