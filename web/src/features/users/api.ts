import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, type Paged, patch, post } from "../../app/api.ts";
import type { UserDto } from "../../app/types.ts";

export type User = UserDto;
export const USER_STATUSES = ["pending", "active", "disabled", "rejected"] as const;

export type UserListQuery = {
  organisationId?: string;
  status?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export type UserCreate = {
  organisationId: string;
  username: string;
  fullName: string;
  email?: string;
  designation?: string;
  password: string;
  roles: string[];
};

export type UserPatch = {
  version: number;
  fullName?: string;
  email?: string | null;
  designation?: string;
  roles?: string[];
  status?: "active" | "disabled";
};

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: ["users", "list", query],
    queryFn: ({ signal }) => get<Paged<User>>("/users", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * How many registrations await approval among the users this person may see (a nodal officer: their own
 * organisation's). For the badge on the Users link and the Users page's first filter; refreshed with every
 * change to a user (its key is under "users") and every few minutes.
 */
export function usePendingCount(enabled: boolean) {
  return useQuery({
    queryKey: ["users", "pending-count"],
    queryFn: ({ signal }) => get<Paged<User>>("/users", { status: "pending", pageSize: 1 }, signal),
    select: (data) => data.total,
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

function useUserWrite<V>(fn: (vars: V) => Promise<User>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      void qc.invalidateQueries({ queryKey: ["officers"] });
    },
  });
}

export function useCreateUser() {
  return useUserWrite((body: UserCreate) => post<User>("/users", body));
}

export function useUpdateUser() {
  return useUserWrite(({ id, ...body }: UserPatch & { id: string }) => patch<User>(`/users/${id}`, body));
}

export function useDecideUser() {
  return useUserWrite(
    ({ id, version, decision }: { id: string; version: number; decision: "approve" | "reject" }) =>
      post<User>(`/users/${id}/${decision}`, { version }),
  );
}

/** An administrator's (or nodal officer's) reset of a user's two-step sign-in, for a lost authenticator. */
export function useResetTwoFactor() {
  return useUserWrite((id: string) => del<User>(`/users/${id}/totp`));
}
