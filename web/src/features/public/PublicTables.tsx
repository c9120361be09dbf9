import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import type { PublicCase, PublicOrganisationPage } from "./api.ts";

type Count = PublicOrganisationPage["byCourt"][number];

/** A count per status or court, labelled in the reader's language. */
export function CountsTable({
  caption,
  rows,
  label,
  testId,
}: {
  caption: string;
  rows: Count[];
  label: (row: Count) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped captionSide="top" data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-key={row.key}>
            <Table.Th scope="row">{label(row)}</Table.Th>
            <Table.Td ta="end" data-testid={`${testId}-${row.key}`}>
              {row.count}
            </Table.Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td>{t("public.none")}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** Pending cases with their next hearing dates; `compact` drops the court column (the widget). */
export function PendingTable({ items, compact = false }: { items: PublicCase[]; compact?: boolean }) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  if (items.length === 0) return <Text c="dimmed">{t("public.noPending")}</Text>;
  return (
    <Table.ScrollContainer minWidth={compact ? 280 : 640}>
      <Table striped withTableBorder data-testid="public-pending">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("public.number")}</Table.Th>
            {!compact && <Table.Th>{t("public.caseTitle")}</Table.Th>}
            {!compact && <Table.Th>{t("public.court")}</Table.Th>}
            <Table.Th>{t("public.nextHearing")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.court.code}-${item.number}`} data-testid="public-pending-row">
              <Table.Td className="ltr">{item.number}</Table.Td>
              {!compact && <Table.Td>{item.title}</Table.Td>}
              {!compact && <Table.Td>{name(item.court)}</Table.Td>}
              <Table.Td>
                {item.nextHearingDate ? formatDate(item.nextHearingDate, locale) : t("public.noHearing")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
