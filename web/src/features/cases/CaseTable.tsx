import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { FlagBadges, StatusBadge } from "./labels.tsx";
import type { CaseSummary } from "./types.ts";

export function CaseTable({ items }: { items: CaseSummary[] }) {
  const { t } = useTranslation();
  const { name, locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="case-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("fields.number")}</Table.Th>
            <Table.Th miw={200}>{t("fields.title")}</Table.Th>
            <Table.Th miw={150}>{t("fields.court")}</Table.Th>
            <Table.Th>{t("fields.organisation")}</Table.Th>
            <Table.Th>{t("fields.status")}</Table.Th>
            <Table.Th miw={120}>{t("cases.assignedOfficer")}</Table.Th>
            <Table.Th>{t("cases.lastUpdate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="case-row" data-case-id={c.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${c.id}`}
                  data-testid="case-link"
                  className="ltr nowrap"
                  fw={500}
                >
                  {c.displayNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">
                    <bdi>{c.title}</bdi>
                  </Text>
                  <FlagBadges flags={c.flags} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{name(c.court)}</Text>
                {c.bench && (
                  <Text size="xs" c="dimmed">
                    {name(c.bench)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={name(c.organisation)}>
                  {c.organisation.code}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <StatusBadge status={c.status} stage={c.stage} stacked />
              </Table.Td>
              <Table.Td>
                {c.assignedOfficer ? (
                  <Text size="sm">
                    <bdi>{c.assignedOfficer.fullName}</bdi>
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("cases.unassigned")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="nowrap">
                  {formatDateTime(c.updatedAt, locale)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
