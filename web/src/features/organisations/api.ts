import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, type Items, patch, post } from "../../app/api.ts";

export const ORGANISATION_KINDS = [
  "ministry",
  "division",
  "attached_department",
  "law_ministry",
  "law_office",
  "provincial_law_department",
  "agency",
  "executive",
  "central_authority",
  "system",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type Organisation = {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  kind: string;
  parentId: string | null;
  active: boolean;
  version: number;
};

export type OrganisationCreate = {
  code: string;
  nameEn: string;
  nameUr: string;
  kind: OrganisationKind;
  parentId?: string | null;
};

export type OrganisationPatch = {
  version: number;
  nameEn?: string;
  nameUr?: string;
  active?: boolean;
};

const KEY = ["organisations"] as const;

/**
 * Organisations; public, so the registration page can use it before login. Everyone gets the active ones;
 * administrators also get inactive ones and the system organisation.
 */
export function useOrganisations() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => get<Items<Organisation>>("/organisations", undefined, signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

function useOrganisationWrite<V>(fn: (vars: V) => Promise<Organisation>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCreateOrganisation() {
  return useOrganisationWrite((body: OrganisationCreate) => post<Organisation>("/organisations", body));
}

export function useUpdateOrganisation() {
  return useOrganisationWrite(({ id, ...body }: OrganisationPatch & { id: string }) =>
    patch<Organisation>(`/organisations/${id}`, body),
  );
}
