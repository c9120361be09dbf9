import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PublicCase, PublicOrganisationPage } from "../../../../common/schemas/public.ts";
import { get, isApiError } from "../../app/api.ts";

export type { PublicCase, PublicOrganisationPage };

/** The public face's reads: no session involved; the server caches them for five minutes. */
export function usePublicCases(number: string) {
  return useQuery({
    queryKey: ["public", "cases", number],
    queryFn: ({ signal }) => get<{ items: PublicCase[] }>("/public/cases", { number }, signal),
    enabled: number.trim() !== "",
  });
}

export function usePublicOrganisation(code: string, page: number, pageSize = 25) {
  return useQuery({
    queryKey: ["public", "organisation", code, page, pageSize],
    queryFn: ({ signal }) =>
      get<PublicOrganisationPage>(
        `/public/organisations/${encodeURIComponent(code)}`,
        { page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The message key for a failed public read: not found, not a case number, too many requests, or other. */
export function publicErrorKey(error: unknown, notFound: string): string {
  if (!isApiError(error)) return "public.failed";
  if (error.status === 404) return notFound;
  if (error.status === 400) return "public.notANumber";
  if (error.status === 429) return "public.rateLimited";
  return "public.failed";
}
