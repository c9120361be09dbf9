import { Badge, Center, Group, Loader, NativeSelect, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { type TaskQuery, useTasks } from "./api.ts";
import { TaskTable } from "./TaskTable.tsx";

export const STATE_FILTERS = ["open", "closed", "all"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** Open, closed or all tasks: a native select whose values are the API's codes. */
export function StateFilterSelect({
  value,
  onChange,
}: {
  value: StateFilter;
  onChange: (v: StateFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t("tasks.stateFilter")}
      data={STATE_FILTERS.map((s) => ({ value: s, label: t(`tasks.filters.${s}`) }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as StateFilter)}
      data-testid="task-state-filter"
    />
  );
}

/** The tasks a query finds, with their count and how many are overdue; loading, error and empty states. */
export function TaskList({ query, showCase }: { query: TaskQuery; showCase: boolean }) {
  const { t } = useTranslation();
  const tasks = useTasks(query);
  if (tasks.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (tasks.isError) return <QueryError error={tasks.error} testId="tasks-error" />;
  const { items, total } = tasks.data;
  const overdue = items.filter(
    (x) => (x.state === "open" || x.state === "in_progress") && x.daysLeft < 0,
  ).length;
  return (
    <>
      <Group gap="xs" mb="xs">
        <Text size="sm" data-testid="tasks-count" data-count={total}>
          {t("tasks.count", { count: total })}
        </Text>
        {overdue > 0 && (
          <Badge color="red" data-testid="tasks-overdue" data-count={overdue}>
            {t("tasks.overdueCount", { count: overdue })}
          </Badge>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="tasks-empty">
          {t(`tasks.none.${query.state ?? "open"}`)}
        </Text>
      ) : (
        <TaskTable items={items} showCase={showCase} />
      )}
    </>
  );
}
