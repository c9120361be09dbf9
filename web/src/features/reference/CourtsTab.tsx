import { Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { type Court, useCourts } from "./api.ts";
import { BenchCreateModal } from "./BenchCreateModal.tsx";
import { CourtEditModal } from "./CourtEditModal.tsx";
import { ActiveBadge, NamePair } from "./NamePair.tsx";

const STATUS_COLOR: Record<string, string> = { V: "teal", S: "blue", U: "orange" };

/** V/S/U: how well the record is attested, with the source text in the tooltip. */
export function StatusMarker({ status, source, testId }: { status: string; source: string; testId: string }) {
  const { t } = useTranslation();
  const label = (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        {t(`referenceStatus.${status}`, { defaultValue: status })}
      </Text>
      <Text size="xs">
        {t("reference.source")}: <bdi lang="en">{source || "—"}</bdi>
      </Text>
    </Stack>
  );
  return (
    <Tooltip label={label} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={STATUS_COLOR[status] ?? "gray"}
        variant="outline"
        tabIndex={0}
        aria-label={`${t(`referenceStatus.${status}`, { defaultValue: status })}. ${t("reference.source")}: ${source}`}
        data-testid={testId}
        data-status={status}
        data-source={source}
      >
        {status}
      </Badge>
    </Tooltip>
  );
}

export function CourtsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const courts = useCourts();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  if (courts.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (courts.isError) return <QueryError error={courts.error} />;
  const editing = courts.data.find((c) => c.id === editingId);
  const adding = courts.data.find((c) => c.id === addingTo);

  return (
    <Stack gap="sm" data-testid="court-list">
      <Text size="sm" c="dimmed">
        {t("reference.statusLegend")}
      </Text>
      {courts.data.map((c) => (
        <CourtCard
          key={c.id}
          court={c}
          canEdit={canEdit}
          onEdit={() => setEditingId(c.id)}
          onAddBench={() => setAddingTo(c.id)}
        />
      ))}
      {editing && <CourtEditModal court={editing} onClose={() => setEditingId(null)} />}
      {adding && <BenchCreateModal court={adding} onClose={() => setAddingTo(null)} />}
    </Stack>
  );
}

function CourtCard({
  court: c,
  canEdit,
  onEdit,
  onAddBench,
}: {
  court: Court;
  canEdit: boolean;
  onEdit: () => void;
  onAddBench: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="court-item" data-court-id={c.id} data-code={c.code}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Text size="sm" ff="monospace" className="ltr" fw={600} miw={48}>
            {c.code}
          </Text>
          <Stack gap={4}>
            <NamePair named={c} testId="court-names" />
            <Group gap={6}>
              <Badge variant="light" color="gray">
                {t(`courtLevel.${c.level}`, { defaultValue: c.level })}
              </Badge>
              <Text size="xs" c="dimmed" data-testid="court-city">
                <bdi>{c.city}</bdi>
              </Text>
              <StatusMarker status={c.status} source={c.source} testId="court-status" />
              <ActiveBadge active={c.active} testId="court-active" />
            </Group>
          </Stack>
        </Group>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="default" onClick={onEdit} data-testid="court-edit">
              {t("common.edit")}
            </Button>
            <Button size="xs" variant="light" onClick={onAddBench} data-testid="bench-add">
              {t("reference.addBench")}
            </Button>
          </Group>
        )}
      </Group>
      {c.benches.length > 0 && (
        <Table mt="sm" verticalSpacing={4} data-testid="bench-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t("reference.code")}</Table.Th>
              <Table.Th>{t("fields.bench")}</Table.Th>
              <Table.Th>{t("reference.city")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.benches.map((b) => (
              <Table.Tr key={b.id} data-testid="bench-row" data-code={b.code}>
                <Table.Td className="ltr">
                  <Text size="xs" ff="monospace">
                    {b.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <NamePair named={b} />
                    {b.isPrincipalSeat && (
                      <Badge size="xs" variant="light">
                        {t("reference.principalSeat")}
                      </Badge>
                    )}
                    {b.active === false && <ActiveBadge active={false} />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{b.city}</bdi>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
