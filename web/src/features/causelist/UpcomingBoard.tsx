import { Anchor, Badge, Card, Center, Group, Loader, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDay, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { BOARD_DAYS, byOfficer, groupRuns, type UpcomingHearing, type Urgency, useUpcoming } from "./api.ts";
import { CaseNumberLink, ClashBadges } from "./ClashBadges.tsx";

/** Today red, tomorrow orange, the next two days yellow, later green; each also says so in words. */
const URGENCY_COLOR: Record<Urgency, string> = {
  today: "red",
  tomorrow: "orange",
  soon: "yellow",
  later: "green",
};
const COLUMNS = 7;

/** The label of a hearing's urgency: "Today", "Tomorrow", or "Soon"/"Later" with the number of days. */
export function UrgencyBadge({ urgency, daysAway }: { urgency: Urgency; daysAway: number }) {
  const { t } = useTranslation();
  const label =
    urgency === "today" || urgency === "tomorrow"
      ? t(`causeList.urgency.${urgency}`)
      : t("causeList.urgencyIn", { urgency: t(`causeList.urgency.${urgency}`), count: daysAway });
  return (
    <Badge
      size="sm"
      variant={urgency === "later" ? "light" : "filled"}
      color={URGENCY_COLOR[urgency]}
      autoContrast
      tt="none"
      data-testid="upcoming-urgency"
    >
      {label}
    </Badge>
  );
}

type Props = {
  officerId: string | undefined;
  /** Opens a day's cause list above. */
  onOpenDay: (date: string) => void;
};

/** The scheduled hearings of the next seven days (today included), by day, coloured and labelled by urgency. */
export function UpcomingBoard({ officerId, onOpenDay }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const upcoming = useUpcoming();
  const items = byOfficer(upcoming.data?.items ?? [], officerId);
  const limit = upcoming.data?.dailyLimit ?? 0;
  const days = groupRuns(items, (h) => h.date);

  return (
    <Card withBorder data-testid="upcoming-board">
      <Title order={2} size="h4" mb="xs">
        {t("causeList.upcomingTitle", { count: BOARD_DAYS })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("causeList.upcomingHelp")}
      </Text>
      {upcoming.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {upcoming.isError && <QueryError error={upcoming.error} testId="upcoming-error" />}
      {upcoming.data && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="upcoming-empty">
          {t("causeList.upcomingNone")}
        </Text>
      )}
      {days.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={6} data-testid="upcoming-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("causeList.when")}</Table.Th>
                <Table.Th>{t("hearings.time")}</Table.Th>
                <Table.Th>{t("fields.court")}</Table.Th>
                <Table.Th>{t("causeList.case")}</Table.Th>
                <Table.Th>{t("cases.lawOfficer")}</Table.Th>
                <Table.Th>{t("hearings.purpose")}</Table.Th>
                <Table.Th>{t("causeList.clashTitle")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {days.map((day) => (
              <Table.Tbody key={day.key} data-testid="upcoming-day" data-date={day.key}>
                <Table.Tr>
                  <Table.Th colSpan={COLUMNS} scope="colgroup">
                    <Group gap="sm">
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        size="sm"
                        onClick={() => onOpenDay(day.key)}
                        data-testid="upcoming-day-open"
                        title={t("causeList.openDay")}
                      >
                        {formatDay(day.key, locale)}
                      </Anchor>
                      <Text span size="xs" c="dimmed">
                        {t("causeList.hearingsCount", { count: day.items.length })}
                      </Text>
                    </Group>
                  </Table.Th>
                </Table.Tr>
                {day.items.map((h) => (
                  <UpcomingRow key={h.id} h={h} limit={limit} />
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function UpcomingRow({ h, limit }: { h: UpcomingHearing; limit: number }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const tint = h.urgency === "later" ? undefined : `var(--mantine-color-${URGENCY_COLOR[h.urgency]}-light)`;
  return (
    <Table.Tr
      data-testid="upcoming-row"
      data-hearing-id={h.id}
      data-case-id={h.case.id}
      data-officer-id={h.officer?.id ?? ""}
      data-date={h.date}
      data-urgency={h.urgency}
      data-days-away={h.daysAway}
      data-clashes={h.clashes.join(",")}
      style={{
        backgroundColor: tint,
        borderInlineStart: `4px solid var(--mantine-color-${URGENCY_COLOR[h.urgency]}-filled)`,
      }}
    >
      <Table.Td>
        <UrgencyBadge urgency={h.urgency} daysAway={h.daysAway} />
      </Table.Td>
      <Table.Td>{h.time ? <span className="ltr nowrap">{h.time}</span> : "—"}</Table.Td>
      <Table.Td>
        {name(h.court)}
        {(h.bench || h.serial) && (
          <Text size="xs" c="dimmed">
            {h.bench && name(h.bench)}
            {h.bench && h.serial ? " · " : ""}
            {h.serial ? t("hearings.serialN", { n: h.serial }) : ""}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <CaseNumberLink c={h.case} />
        <Text size="xs" lineClamp={2}>
          <bdi>{h.case.title}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        {h.officer ? (
          <bdi>{h.officer.fullName}</bdi>
        ) : (
          <Text span c="dimmed" size="sm">
            {t("causeList.noOfficer")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{h.purpose ? <bdi>{h.purpose}</bdi> : "—"}</Table.Td>
      <Table.Td>
        <ClashBadges clashes={h.clashes} limit={limit} />
      </Table.Td>
    </Table.Tr>
  );
}
