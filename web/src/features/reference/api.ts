import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, type Items, patch, post } from "../../app/api.ts";

export type Bench = {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  city: string;
  isPrincipalSeat?: boolean;
  active?: boolean;
  version?: number;
};
/** `status`: V checked in primary text, S from a secondary source, U unconfirmed; `source` says where from. */
export type Court = {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  level: string;
  city: string;
  status: string;
  source: string;
  active: boolean;
  version: number;
  benches: Bench[];
};
export type CaseType = {
  id: string;
  code: string;
  abbreviation: string;
  nameEn: string;
  nameUr: string;
  aliases: string[];
  courtLevels?: string[];
  isAppeal?: boolean;
  active: boolean;
  version: number;
};
export type RoleInfo = { code: string; nameEn: string; nameUr: string; description: string };

export type CourtPatch = {
  version: number;
  nameEn?: string;
  nameUr?: string;
  city?: string;
  active?: boolean;
};
export type BenchCreate = { code: string; nameEn: string; nameUr: string; city: string };
export type CaseTypePatch = {
  version: number;
  nameEn?: string;
  nameUr?: string;
  aliases?: string[];
  active?: boolean;
};

/** The server's rule for organisation and bench codes (after upper-casing). */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;

const LONG = 30 * 60_000;
const keys = {
  courts: ["reference", "courts"] as const,
  caseTypes: ["reference", "case-types"] as const,
  roles: ["reference", "roles"] as const,
};

export function useCourts() {
  return useQuery({
    queryKey: keys.courts,
    queryFn: ({ signal }) => get<Items<Court>>("/reference/courts", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

export function useCaseTypes() {
  return useQuery({
    queryKey: keys.caseTypes,
    queryFn: ({ signal }) => get<Items<CaseType>>("/reference/case-types", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: ({ signal }) => get<Items<RoleInfo>>("/reference/roles", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

/** Puts the server's answer into the cached list at once, then refetches the list to be sure. */
function useReferenceWrite<V, R extends { id: string }>(key: readonly string[], fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      qc.setQueryData<Items<R>>(key, (old) =>
        old ? { items: old.items.map((item) => (item.id === saved.id ? saved : item)) } : old,
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateCourt() {
  return useReferenceWrite(keys.courts, ({ id, ...body }: CourtPatch & { id: string }) =>
    patch<Court>(`/reference/courts/${id}`, body),
  );
}

export function useAddBench() {
  return useReferenceWrite(keys.courts, ({ courtId, ...body }: BenchCreate & { courtId: string }) =>
    post<Court>(`/reference/courts/${courtId}/benches`, body),
  );
}

export function useUpdateCaseType() {
  return useReferenceWrite(keys.caseTypes, ({ id, ...body }: CaseTypePatch & { id: string }) =>
    patch<CaseType>(`/reference/case-types/${id}`, body),
  );
}
