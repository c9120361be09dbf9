import { Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { groupRuns, type ListedHearing } from "./api.ts";
import { CaseNumberLink, ClashBadges } from "./ClashBadges.tsx";

const STATE_COLOR: Record<ListedHearing["state"], string> = {
  scheduled: "blue",
  held: "teal",
  cancelled: "gray",
};
const COLUMNS = 8;

const seatKey = (h: ListedHearing) => `${h.court.id}|${h.bench?.id ?? ""}`;

/** A day's hearings grouped by court and bench, in the order of the server (court, bench, serial, time). */
export function CauseListTable({
  items,
  date,
  limit,
}: {
  items: ListedHearing[];
  date: string;
  limit: number;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const groups = groupRuns(items, seatKey);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table fz="sm" verticalSpacing="xs" data-testid="cause-list-table" data-date={date}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("causeList.serial")}</Table.Th>
            <Table.Th>{t("hearings.time")}</Table.Th>
            <Table.Th>{t("causeList.case")}</Table.Th>
            <Table.Th>{t("fields.title")}</Table.Th>
            <Table.Th>{t("cases.lawOfficer")}</Table.Th>
            <Table.Th>{t("hearings.state")}</Table.Th>
            <Table.Th>{t("hearings.purpose")}</Table.Th>
            <Table.Th>{t("causeList.clashTitle")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {groups.map((g) => {
          const first = g.items[0] as ListedHearing;
          return (
            <Table.Tbody key={g.key}>
              <Table.Tr
                data-testid="cause-list-group"
                data-court-code={first.court.code}
                data-bench-code={first.bench?.code ?? ""}
                bg="var(--mantine-color-default-hover)"
              >
                <Table.Th colSpan={COLUMNS} scope="colgroup">
                  {name(first.court)}
                  {first.bench && (
                    <Text span c="dimmed" size="sm">
                      {" — "}
                      {name(first.bench)}
                    </Text>
                  )}
                  <Text span c="dimmed" size="xs">
                    {" · "}
                    {t("causeList.hearingsCount", { count: g.items.length })}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {g.items.map((h) => (
                <CauseListRow key={h.id} h={h} limit={limit} />
              ))}
            </Table.Tbody>
          );
        })}
      </Table>
    </Table.ScrollContainer>
  );
}

function CauseListRow({ h, limit }: { h: ListedHearing; limit: number }) {
  const { t } = useTranslation();
  return (
    <Table.Tr
      data-testid="cause-list-row"
      data-hearing-id={h.id}
      data-case-id={h.case.id}
      data-officer-id={h.officer?.id ?? ""}
      data-state={h.state}
      data-clashes={h.clashes.join(",")}
    >
      <Table.Td>{h.serial ? <span className="ltr">{h.serial}</span> : "—"}</Table.Td>
      <Table.Td>{h.time ? <span className="ltr nowrap">{h.time}</span> : "—"}</Table.Td>
      <Table.Td>
        <CaseNumberLink c={h.case} />
      </Table.Td>
      <Table.Td>
        <bdi>{h.case.title}</bdi>
      </Table.Td>
      <Table.Td data-testid="cause-list-officer-name">
        {h.officer ? (
          <bdi>{h.officer.fullName}</bdi>
        ) : (
          <Text span c="dimmed" size="sm">
            {t("causeList.noOfficer")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color={STATE_COLOR[h.state]} data-testid="cause-list-state">
            {t(`hearings.states.${h.state}`)}
          </Badge>
          {h.outcome && (
            <Badge variant="outline" color="gray" data-testid="cause-list-outcome">
              {t(`hearings.outcomes.${h.outcome}`)}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{h.purpose ? <bdi>{h.purpose}</bdi> : "—"}</Table.Td>
      <Table.Td>
        <ClashBadges clashes={h.clashes} limit={limit} />
      </Table.Td>
    </Table.Tr>
  );
}
