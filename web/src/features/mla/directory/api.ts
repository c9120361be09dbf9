import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  DirectoryKind,
  directoryEntryView,
  rulePutBody,
  ruleView,
} from "../../../../../common/schemas/mla.reference.ts";
import { api, get, isApiError, post } from "../../../app/api.ts";

export { MLA_REQUEST_KINDS } from "../../../../../common/mla/request.ts";
export { SEVERITIES } from "../../../../../common/mla/rules.types.ts";
export type { DirectoryKind } from "../../../../../common/schemas/mla.reference.ts";
export { CONTACT_KINDS, DIRECTORY_KINDS } from "../../../../../common/schemas/mla.reference.ts";
export type DirectoryEntry = z.infer<typeof directoryEntryView>;
export type RuleItem = z.infer<typeof ruleView>;
export type RulePut = z.input<typeof rulePutBody>;

/** Under "mla": a write refetches the requests too, whose findings rest on the rules and the directory. */
const keys = { directory: ["mla", "directory"] as const, rules: ["mla", "rules"] as const };

export function useDirectory() {
  return useQuery({
    queryKey: keys.directory,
    queryFn: ({ signal }) => get<{ items: DirectoryEntry[] }>("/mla/directory", undefined, signal),
  });
}

export function useRules() {
  return useQuery({
    queryKey: keys.rules,
    queryFn: ({ signal }) => get<{ items: RuleItem[] }>("/mla/rules", undefined, signal),
  });
}

function useWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version")
        void qc.invalidateQueries({ queryKey: ["mla"] });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["mla"] }),
  });
}

export function useSaveRule() {
  return useWrite(({ code, body }: { code: string; body: RulePut }) =>
    api<RuleItem>(`/mla/rules/${code}`, { method: "PUT", body }),
  );
}

/** Creates (no version) or replaces (with the version read) a directory entry. */
export function useSaveEntry() {
  return useWrite(
    ({ kind, code, version, data }: { kind: DirectoryKind; code: string; version?: number; data: object }) =>
      version === undefined
        ? post<DirectoryEntry>(`/mla/directory/${kind}/${encodeURIComponent(code)}`, { data })
        : api<DirectoryEntry>(`/mla/directory/${kind}/${encodeURIComponent(code)}`, {
            method: "PUT",
            body: { version, data },
          }),
  );
}

/** A fact as the directory keeps it: a value with its source and status. */
export type Fact<T = unknown> = { value: T; source: string; status: string };
export const isFact = (v: unknown): v is Fact =>
  typeof v === "object" && v !== null && "value" in v && "source" in v;
