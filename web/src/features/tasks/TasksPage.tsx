import { Card, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { exportUrl, FileDownloads } from "../../app/FileDownloads.tsx";
import { STATE_FILTERS, type StateFilter, StateFilterSelect, TaskList } from "./TaskList.tsx";

const SCOPES = ["mine", "created"] as const;
type Scope = (typeof SCOPES)[number];

/**
 * The reader's tasks: those assigned to them or to their organisation ("mine"), or those they created; open
 * ones by default. Overdue tasks are tinted red; contempt comes first and loudest. Scope and state are kept in
 * the URL (`/tasks?scope=created&state=all`).
 */
export function TasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scope: Scope = SCOPES.includes(params.get("scope") as Scope)
    ? (params.get("scope") as Scope)
    : "mine";
  const state: StateFilter = STATE_FILTERS.includes(params.get("state") as StateFilter)
    ? (params.get("state") as StateFilter)
    : "open";
  const setParam = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1200} data-testid="tasks-page">
      <Title order={1} size="h2">
        {t("tasks.pageTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("tasks.pageHelp")}
      </Text>
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            value={scope}
            onChange={(v) => setParam("scope", v, "mine")}
            data={SCOPES.map((s) => ({ value: s, label: t(`tasks.scopes.${s}`) }))}
            data-testid="task-scope"
          />
          <StateFilterSelect value={state} onChange={(v) => setParam("state", v, "open")} />
        </Group>
        <FileDownloads
          testId="tasks-download"
          what={t("downloads.what.tasks")}
          href={(format) => exportUrl("/tasks/export", { scope, state }, format)}
        />
      </Group>
      <Card withBorder>
        <TaskList query={{ scope, state }} showCase />
      </Card>
    </Stack>
  );
}
