import { useQuery } from "@tanstack/react-query";
import type { Competence } from "../../../../common/schemas/training.ts";
import { get } from "../../app/api.ts";

/** The competences from training (issue 9), for wording explanations that name them by code. */
export function useCompetenceNames() {
  return useQuery({
    queryKey: ["assignment", "competence-names"],
    queryFn: ({ signal }) => get<{ items: Competence[] }>("/training/competences", undefined, signal),
    staleTime: 5 * 60_000,
    select: (data) => new Map(data.items.map((c) => [c.code, { nameEn: c.nameEn, nameUr: c.nameUr }])),
  });
}
