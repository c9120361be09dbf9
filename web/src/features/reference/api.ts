import { useQuery } from "@tanstack/react-query";
import { get, type Items } from "../../app/api.ts";

export type Bench = { id: string; code: string; nameEn: string; nameUr: string; city: string };
export type Court = {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  level: string;
  city: string;
  benches: Bench[];
};
export type CaseType = {
  id: string;
  code: string;
  abbreviation: string;
  nameEn: string;
  nameUr: string;
  aliases: string[];
};
export type RoleInfo = { code: string; nameEn: string; nameUr: string; description: string };

const LONG = 30 * 60_000;

export function useCourts() {
  return useQuery({
    queryKey: ["reference", "courts"],
    queryFn: ({ signal }) => get<Items<Court>>("/reference/courts", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

export function useCaseTypes() {
  return useQuery({
    queryKey: ["reference", "case-types"],
    queryFn: ({ signal }) => get<Items<CaseType>>("/reference/case-types", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ["reference", "roles"],
    queryFn: ({ signal }) => get<Items<RoleInfo>>("/reference/roles", undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}
