import { useQuery } from "@tanstack/react-query";
import { get, type Items } from "../../app/api.ts";

export type Organisation = {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  kind: string;
  parentId: string | null;
};

/** Active organisations; public, so the registration page can use it before login. */
export function useOrganisations() {
  return useQuery({
    queryKey: ["organisations"],
    queryFn: ({ signal }) => get<Items<Organisation>>("/organisations", undefined, signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}
