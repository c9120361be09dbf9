import { ActionIcon, Button, Card, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A list of rows the officer adds and removes (offences, subjects, identifiers, time ranges, references). Rows have
 * no identity but their place, which is what the checker's findings point at (`subjects[0].identifiers[1]`).
 */
export function ListEditor<T>({
  label,
  items,
  onChange,
  blank,
  disabled,
  testId,
  addLabel,
  children,
}: {
  label: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  disabled: boolean;
  testId: string;
  addLabel: string;
  children: (item: T, update: (patch: Partial<T>) => void, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const update = (i: number) => (patch: Partial<T>) =>
    onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <Stack gap={6} data-testid={testId} data-count={items.length}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Card key={i} withBorder padding="xs" data-testid={`${testId}-row`}>
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={6} style={{ flex: 1 }}>
              {children(item, update(i), i)}
            </Stack>
            {!disabled && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("mla.wizard.remove")}
                title={t("mla.wizard.remove")}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
                data-testid={`${testId}-remove-${i}`}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        </Card>
      ))}
      {!disabled && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...items, blank])}
            data-testid={`${testId}-add`}
          >
            {addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
