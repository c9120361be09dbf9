import { Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, type useProblem } from "../../app/forms.tsx";

/** What the panel needs of the TanStack mutation that removes one item by its id. */
type RemoveMutation = {
  mutate: (id: string, callbacks: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  variables: string | undefined;
};

type Props<T extends { id: string }> = {
  title: string;
  /** `leave` gives `leave-empty`, `leave-list`, `leave-row` (with `data-leave-id`), `leave-remove`, `leave-form`, `leave-error` and `leave-add`. */
  testId: string;
  emptyText: string;
  items: T[];
  /** The table cells of one item, before the remove button. */
  renderCells: (item: T) => ReactNode;
  editable: boolean;
  remove: RemoveMutation;
  /** The panel's problem state, shared by adding and removing. */
  problem: ReturnType<typeof useProblem>;
  /** Sends the add form; the event's default is already prevented and the last problem cleared. */
  onAdd: () => void;
  canAdd: boolean;
  adding: boolean;
  addLabel: string;
  /** The add form's fields. */
  children: ReactNode;
};

/** An officer profile's list of items (leaves, conflicts) with a remove button on each row and a form to add one. */
export function ProfileListPanel<T extends { id: string }>({
  title,
  testId,
  emptyText,
  items,
  renderCells,
  editable,
  remove,
  problem: { problem, fieldErrors, fail, clear },
  onAdd,
  canAdd,
  adding,
  addLabel,
  children,
}: Props<T>) {
  const { t } = useTranslation();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    onAdd();
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
          {emptyText}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid={`${testId}-list`}>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`${testId}-row`} {...{ [`data-${testId}-id`]: item.id }}>
                {renderCells(item)}
                {editable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === item.id}
                      onClick={() => remove.mutate(item.id, { onError: fail })}
                      data-testid={`${testId}-remove`}
                    >
                      {t("officers.remove")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={submit} noValidate data-testid={`${testId}-form`}>
          <Stack gap="xs" mt="sm">
            <ProblemAlert error={problem} testId={`${testId}-error`} shown={(k) => k in fieldErrors} />
            {children}
            <Group justify="flex-end">
              <Button
                type="submit"
                size="xs"
                disabled={!canAdd}
                loading={adding}
                data-testid={`${testId}-add`}
              >
                {addLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
