import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PublicCase, PublicOrganisationPage, PublicPlace } from "../../../../common/schemas/public.ts";
import { get, isApiError } from "../../app/api.ts";

export type { PublicCase, PublicOrganisationPage, PublicPlace };

/** The public face's reads: no session involved; the server caches them for five minutes. */
export function usePublicCases(number: string, court: string) {
  return useQuery({
    queryKey: ["public", "cases", number, court],
    queryFn: ({ signal }) =>
      get<{ items: PublicCase[] }>("/public/cases", { number, court: court || undefined }, signal),
    enabled: number.trim() !== "",
  });
}

/** The courts a search may be narrowed to; reference data, so kept for the page's life. */
export function usePublicCourts() {
  return useQuery({
    queryKey: ["public", "courts"],
    queryFn: ({ signal }) => get<{ items: PublicPlace[] }>("/public/courts", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePublicOrganisation(code: string, page: number, pageSize = 25, court = "") {
  return useQuery({
    queryKey: ["public", "organisation", code, page, pageSize, court],
    queryFn: ({ signal }) =>
      get<PublicOrganisationPage>(
        `/public/organisations/${encodeURIComponent(code)}`,
        { page, pageSize, court: court || undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The message key for a failed public read: not found (the case or ministry, or the court chosen), not a case
 * number, too many requests, or other.
 */
export function publicErrorKey(error: unknown, notFound: string): string {
  if (!isApiError(error)) return "public.failed";
  const atCourt = error.errors.some((e) => e.path === "querystring.court");
  if (atCourt) return "public.unknownCourt";
  if (error.status === 404) return notFound;
  if (error.status === 400) return "public.notANumber";
  if (error.status === 429) return "public.rateLimited";
  return "public.failed";
}
