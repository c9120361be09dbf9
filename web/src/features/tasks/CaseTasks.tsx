import { Button, Card, Group, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../cases/types.ts";
import { TaskCreateForm } from "./TaskCreateForm.tsx";
import { type StateFilter, StateFilterSelect, TaskList } from "./TaskList.tsx";

/** The Tasks tab of a case: its tasks (open by default); adding one needs `abilities.edit` on the case. */
export function CaseTasks({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [state, setState] = useState<StateFilter>("open");
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md" data-testid="tasks-panel">
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t("tasks.title")}
          </Title>
          <Group gap="xs">
            <StateFilterSelect value={state} onChange={setState} />
            {c.abilities.edit && !adding && (
              <Button size="xs" onClick={() => setAdding(true)} data-testid="task-add-open">
                {t("tasks.add")}
              </Button>
            )}
          </Group>
        </Group>
        <TaskList query={{ scope: "case", caseId: c.id, state }} showCase={false} />
      </Card>
      {c.abilities.edit && adding && <TaskCreateForm c={c} onDone={() => setAdding(false)} />}
    </Stack>
  );
}
