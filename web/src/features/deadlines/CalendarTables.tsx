import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { StatusMarker } from "../reference/CourtsTab.tsx";
import { NamePair } from "../reference/NamePair.tsx";
import type { Closure, Weekend } from "./api.ts";
import { useWeekdayNames } from "./calendarFields.tsx";

const DAY = 86_400_000;
const spanDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

function CourtCell({ court }: { court: { code: string; nameEn: string } | null }) {
  const { t } = useTranslation();
  return court ? (
    <Text size="sm" title={court.code}>
      <bdi>{court.nameEn}</bdi>
    </Text>
  ) : (
    <Badge variant="light" color="gray">
      {t("calendar.everyCourt")}
    </Badge>
  );
}

function SourceCell({ source, status, testId }: { source: string; status: string; testId: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <StatusMarker status={status} source={source} testId={testId} />
      <Text size="xs" lineClamp={2} title={source} style={{ wordBreak: "break-word" }}>
        <bdi lang="en">{source}</bdi>
      </Text>
    </Group>
  );
}

/** The weekly days off: one row per court that has its own, and one for every court. */
export function WeekendsTable({ items, onEdit }: { items: Weekend[]; onEdit: (w: Weekend) => void }) {
  const { t } = useTranslation();
  const weekdays = useWeekdayNames();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="weekends-empty">
        {t("calendar.noWeekends")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table fz="sm" verticalSpacing="xs" data-testid="weekends-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("calendar.court")}</Table.Th>
            <Table.Th>{t("calendar.weekendDays")}</Table.Th>
            <Table.Th>{t("reference.source")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((w) => (
            <Table.Tr
              key={w.id}
              data-testid="weekend-row"
              data-weekend-id={w.id}
              data-court-code={w.court?.code ?? "*"}
              data-days={w.days.join(",")}
            >
              <Table.Td>
                <CourtCell court={w.court} />
              </Table.Td>
              <Table.Td data-testid="weekend-days-text">
                {w.days.length === 0
                  ? t("calendar.noDaysOff")
                  : w.days.map((d) => weekdays[d]).join(t("common.listSeparator"))}
              </Table.Td>
              <Table.Td w="50%">
                <SourceCell source={w.source} status={w.status} testId="weekend-status-marker" />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onEdit(w)}
                  data-testid="weekend-edit"
                >
                  {t("common.edit")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A year's closures, in date order: holidays and vacations, of one court or every court. */
export function ClosuresTable({
  items,
  onEdit,
  onDelete,
}: {
  items: Closure[];
  onEdit: (c: Closure) => void;
  onDelete: (c: Closure) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="closures-empty">
        {t("calendar.noClosures")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table fz="sm" verticalSpacing="xs" data-testid="closures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("calendar.dates")}</Table.Th>
            <Table.Th>{t("calendar.name")}</Table.Th>
            <Table.Th>{t("calendar.court")}</Table.Th>
            <Table.Th>{t("reference.source")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr
              key={c.id}
              data-testid="closure-row"
              data-closure-id={c.id}
              data-kind={c.kind}
              data-starts={c.startsOn}
              data-ends={c.endsOn}
              data-court-code={c.court?.code ?? "*"}
            >
              <Table.Td className="nowrap">
                {c.startsOn === c.endsOn
                  ? formatDate(c.startsOn, locale)
                  : `${formatDate(c.startsOn, locale)} – ${formatDate(c.endsOn, locale)}`}
                <Text size="xs" c="dimmed">
                  {t("calendar.daysCount", { count: spanDays(c.startsOn, c.endsOn) })}
                </Text>
              </Table.Td>
              <Table.Td miw={200}>
                <NamePair named={c} testId="closure-name" />
                <Badge
                  mt={4}
                  size="sm"
                  variant="light"
                  color={c.kind === "vacation" ? "grape" : "cyan"}
                  data-testid="closure-kind-badge"
                >
                  {t(`calendar.kinds.${c.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <CourtCell court={c.court} />
              </Table.Td>
              <Table.Td w="35%">
                <SourceCell source={c.source} status={c.status} testId="closure-status-marker" />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => onEdit(c)}
                    data-testid="closure-edit"
                  >
                    {t("common.edit")}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(c)}
                    data-testid="closure-delete"
                  >
                    {t("calendar.delete")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
