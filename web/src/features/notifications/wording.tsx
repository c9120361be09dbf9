import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { courtToday, formatDate, isolate, useLocale } from "../../app/format.ts";
import { useTaskTitle } from "../tasks/labels.tsx";
import type { Notice } from "./api.ts";

/** The kinds of notice the server sends; another kind is shown with its code. */
export const NOTICE_KINDS = [
  "deadline_reminder",
  "task_reminder",
  "task_overdue",
  "case_stale",
  "daily_digest",
  "adverse_decision",
  "case_assigned",
  "cases_assigned",
  "mla_preservation_expiry",
  "mla_follow_up",
] as const;
type Kind = (typeof NOTICE_KINDS)[number];
const isKind = (kind: string): kind is Kind => (NOTICE_KINDS as readonly string[]).includes(kind);

const KIND_COLOR: Record<Kind, string> = {
  deadline_reminder: "orange",
  task_reminder: "blue",
  task_overdue: "red",
  case_stale: "yellow",
  daily_digest: "grape",
  adverse_decision: "red",
  case_assigned: "teal",
  cases_assigned: "teal",
  mla_preservation_expiry: "orange",
  mla_follow_up: "indigo",
};
/** MLA notices are worded with the MLA deadlines (confidential register: reference and date only). */
const kindLabelKey = (kind: Kind) =>
  kind.startsWith("mla_") ? `mlaDeadlines.notices.kinds.${kind}` : `notifications.kinds.${kind}`;

export function NoticeKindBadge({ kind, testId = "notif-kind" }: { kind: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={isKind(kind) ? KIND_COLOR[kind] : "gray"}
      tt="none"
      data-testid={testId}
      data-kind={kind}
    >
      {isKind(kind) ? t(kindLabelKey(kind)) : kind}
    </Badge>
  );
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : Number(v) || 0);

/** The deadline or task a reminder or escalation is about ("" for other notices). */
export function subjectOf(n: Notice): string {
  return str(n.params.subjectId) ?? str(n.params.taskId) ?? str(n.params.deadlineId) ?? "";
}

/** Whole days from one 'YYYY-MM-DD' to another. */
function daysBetween(from: string, to: string): number {
  const ms = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/**
 * Where a notice leads: a deadline reminder (or an adverse decision) to its case's Deadlines tab, a task
 * reminder or escalation to its case's Tasks tab (or /tasks without a case), a stale case to the case, the
 * digest to /tasks, an assignment to the case's Assignment tab (or the case list for a batch).
 */
export function noticeLink(n: Notice): string | null {
  const onCase = (tab?: string) => (n.caseId ? `/cases/${n.caseId}${tab ? `?tab=${tab}` : ""}` : null);
  switch (n.kind) {
    case "deadline_reminder":
    case "adverse_decision":
      return onCase("deadlines");
    case "task_reminder":
    case "task_overdue":
      return onCase("tasks") ?? "/tasks";
    case "case_stale":
      return onCase();
    case "daily_digest":
      return "/tasks";
    case "case_assigned":
      return onCase("assignment");
    case "cases_assigned":
      return onCase("assignment") ?? "/cases";
    case "mla_preservation_expiry":
    case "mla_follow_up":
      return str(n.params.requestId) ? `/mla/${str(n.params.requestId)}` : "/mla";
    default:
      return onCase();
  }
}

/** A notice in the reader's language: what happened, to what, and when it is due. */
export function useNoticeText(): (n: Notice) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const taskTitle = useTaskTitle();
  const deadlineTitle = (title: string) =>
    title === "Reply to the notice" ? t("deadlines.titles.reply") : title;

  return (n) => {
    const p = n.params;
    const caseTitle = n.caseTitle ? isolate(n.caseTitle) : null;
    const about = (title: string) => (caseTitle ? `${isolate(title)} — ${caseTitle}` : isolate(title));
    switch (n.kind) {
      case "case_assigned":
        return t("notifications.caseAssigned", { title: caseTitle ?? "—" });
      case "cases_assigned":
        return t("notifications.casesAssigned", { count: num(p.count) });
      case "adverse_decision": {
        const due = str(p.legalDueOn);
        return t(due ? "notifications.adverseDecision" : "notifications.adverseDecisionNoRule", {
          title: caseTitle ?? "—",
          result: t(`governmentResult.${str(p.result) ?? "against"}`),
          due: formatDate(due, locale),
        });
      }
      case "deadline_reminder":
      case "task_reminder": {
        const dueOn = str(p.dueOn);
        const sentOn = courtToday(new Date(n.createdAt));
        const days = dueOn ? Math.max(0, daysBetween(sentOn, dueOn)) : num(p.leadDays);
        const title = str(p.title) ?? "—";
        const subject = about(n.kind === "task_reminder" ? taskTitle({ title }) : deadlineTitle(title));
        const base = n.kind === "task_reminder" ? "notifications.taskIn" : "notifications.deadlineIn";
        return t(days === 0 ? `${base}Today` : base, { count: days, subject });
      }
      case "task_overdue":
        return t("notifications.taskOverdue", {
          subject: about(taskTitle({ title: str(p.title) ?? "—" })),
          due: formatDate(str(p.dueOn), locale),
        });
      case "case_stale":
        return t("notifications.caseStale", {
          count: num(p.days),
          title: caseTitle ?? "—",
          date: formatDate(str(p.lastUpdate), locale),
        });
      case "daily_digest": {
        const parts = [
          ["digestOverdue", num(p.tasksOverdue)],
          ["digestTasksDue", num(p.tasksDue)],
          ["digestDeadlinesOverdue", num(p.deadlinesOverdue)],
          ["digestDeadlines", num(p.deadlinesDue)],
        ] as const;
        const counts = parts
          .filter(([, count]) => count > 0)
          .map(([key, count]) => t(`notifications.${key}`, { count }));
        const day = str(p.day);
        const list =
          counts.length > 0 ? counts.join(t("common.listSeparator")) : t("notifications.digestNone");
        return day && day !== courtToday()
          ? t("notifications.digestOn", { day: formatDate(day, locale), list })
          : t("notifications.digestToday", { list });
      }
      case "mla_preservation_expiry":
      case "mla_follow_up":
        return t(
          n.kind === "mla_follow_up" ? "mlaDeadlines.notices.followUp" : "mlaDeadlines.notices.expiry",
          {
            reference: isolate(str(p.reference) ?? "—"),
            date: formatDate(str(p.dueOn), locale),
          },
        );
      default:
        return t("notifications.other", { kind: n.kind });
    }
  };
}

/** A second line for the Notifications page: the dates behind a reminder or an escalation. */
export function useNoticeDetail(): (n: Notice) => string | null {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (n) => {
    const p = n.params;
    if (n.kind === "deadline_reminder" || n.kind === "task_reminder") {
      const due = formatDate(str(p.dueOn), locale);
      const legal = str(p.legalDueOn);
      return legal
        ? t("notifications.dueAndLegal", { due, legal: formatDate(legal, locale) })
        : t("notifications.dueOn", { due });
    }
    if (n.kind === "task_overdue") return t("notifications.escalatedHelp");
    if (n.kind === "case_stale") return t("notifications.staleHelp");
    return null;
  };
}
