import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type organisationCreateBody,
  organisationKind,
  type organisationPatchBody,
  type organisationSchema,
} from "../../../../common/schemas/reference.ts";
import { get, type Items, patch, post } from "../../app/api.ts";

/** The kinds of organisation, in the order the server's schema lists them. */
export const ORGANISATION_KINDS = organisationKind.options;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type Organisation = z.infer<typeof organisationSchema>;

/** What the server's schemas accept when creating and editing one. */
export type OrganisationCreate = z.input<typeof organisationCreateBody>;
export type OrganisationPatch = z.input<typeof organisationPatchBody>;

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
