import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../app/api.ts";

export type Notice = {
  id: string;
  kind: string;
  caseId: string | null;
  caseTitle: string | null;
  params: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
};
export type Notices = { unread: number; items: Notice[] };

export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};
export type Outbox = { smtpConfigured: boolean; items: OutboxMessage[] };

const KEY = ["notifications"] as const;

/** The signed-in user's notices (newest first, at most 100) and how many are unread; checked every minute. */
export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => get<Notices>("/notifications", undefined, signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** Marks a notice read; the count drops at once, then the list is fetched again. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<void>(`/notifications/${id}/read`),
    onMutate: (id) => {
      qc.setQueryData<Notices>(KEY, (old) => {
        if (!old) return old;
        const target = old.items.find((n) => n.id === id);
        if (!target || target.readAt) return old;
        const now = new Date().toISOString();
        return {
          unread: Math.max(0, old.unread - 1),
          items: old.items.map((n) => (n.id === id ? { ...n, readAt: now } : n)),
        };
      });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Marks every notice of the reader read (also those beyond the latest 100); the count drops to 0 at once. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>("/notifications/read-all"),
    onMutate: () => {
      qc.setQueryData<Notices>(KEY, (old) => {
        if (!old) return old;
        const now = new Date().toISOString();
        return { unread: 0, items: old.items.map((n) => (n.readAt ? n : { ...n, readAt: now })) };
      });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The latest 200 emails CAMS wrote (administrators; the development mailbox when SMTP is not configured). */
export function useMailOutbox(enabled: boolean) {
  return useQuery({
    queryKey: ["mail-outbox"],
    queryFn: ({ signal }) => get<Outbox>("/mail-outbox", undefined, signal),
    enabled,
  });
}
