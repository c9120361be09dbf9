import { Anchor, Badge, Checkbox, Group, ScrollArea, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isolate } from "../../app/format.ts";
import type { QueueItem } from "./api.ts";
import { useExplain } from "./explain.ts";

const FLAG_COLOR: Record<string, string> = {
  contempt: "red",
  constitutional: "grape",
  taxRecovery: "yellow",
  confidential: "dark",
};

/** The office's unassigned cases, oldest first, each with a checkbox; the header box selects them all. */
export function QueueTable({
  items,
  selected,
  onChange,
}: {
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const { num } = useExplain();
  const all = items.length > 0 && items.every((i) => selected.has(i.id));
  const some = items.some((i) => selected.has(i.id));

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  return (
    <ScrollArea.Autosize mah={640} type="auto" offsetScrollbars>
      <Table striped highlightOnHover stickyHeader verticalSpacing={6} miw={560} data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t("assignment.selectAll")}
                checked={all}
                indeterminate={some && !all}
                onChange={(e) =>
                  onChange(e.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set())
                }
                data-testid="queue-select-all"
              />
            </Table.Th>
            <Table.Th>{t("assignment.case")}</Table.Th>
            <Table.Th w={70}>{t("assignment.weight")}</Table.Th>
            <Table.Th w={90}>{t("assignment.daysWaiting")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const on = selected.has(item.id);
            return (
              <Table.Tr
                key={item.id}
                data-testid="queue-row"
                data-case-id={item.id}
                data-selected={on}
                bg={on ? "var(--mantine-primary-color-light)" : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t("assignment.selectCase", { number: isolate(item.displayNumber) })}
                    checked={on}
                    onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                    data-testid="queue-select"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    <Anchor component={Link} to={`/cases/${item.id}`} inherit>
                      <bdi>{item.title}</bdi>
                    </Anchor>
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <Text size="xs" c="dimmed" className="ltr">
                      {item.displayNumber}
                    </Text>
                    <Text size="xs" c="dimmed">
                      · <span className="ltr">{item.court}</span> ·{" "}
                      {t(`category.${item.category}`, { defaultValue: item.category })}
                    </Text>
                    {item.flags.map((f) => (
                      <Badge key={f} size="xs" color={FLAG_COLOR[f] ?? "gray"} variant="light">
                        {t(`flags.${f}`, { defaultValue: f })}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="queue-weight">{num(item.weight)}</Table.Td>
                <Table.Td data-testid="queue-days">{num(item.daysWaiting)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
