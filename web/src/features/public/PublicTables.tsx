import { Box, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import type { PublicCase, PublicOrganisationPage } from "./api.ts";

type Count = PublicOrganisationPage["byCourt"][number];

/** A count per status or court, labelled in the reader's language; `heading` names the first column. */
export function CountsTable({
  caption,
  heading,
  rows,
  label,
  testId,
}: {
  caption: string;
  heading: string;
  rows: Count[];
  label: (row: Count) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped captionSide="top" data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{heading}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t("public.cases")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
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
            <Table.Td colSpan={2}>{t("public.none")}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Pending cases with their next hearing dates; `compact` drops the title and court columns (the widget). The
 * caption names the table for screen readers (a heading shows it above); the number heads each row. A narrow
 * screen scrolls the table sideways inside a focusable region, so the keyboard can scroll it too.
 */
export function PendingTable({
  items,
  caption,
  compact = false,
}: {
  items: PublicCase[];
  caption: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  if (items.length === 0) return <Text c="dimmed">{t("public.noPending")}</Text>;
  return (
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      style={{ overflowX: "auto" }}
      data-testid="public-pending-region"
    >
      <Table striped withTableBorder miw={compact ? 260 : 640} data-testid="public-pending">
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("public.number")}</Table.Th>
            {!compact && <Table.Th scope="col">{t("public.caseTitle")}</Table.Th>}
            {!compact && <Table.Th scope="col">{t("public.court")}</Table.Th>}
            <Table.Th scope="col">{t("public.nextHearing")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.court.code}-${item.number}`} data-testid="public-pending-row">
              <Table.Th scope="row" className="ltr nowrap" fw={500} data-court={item.court.code}>
                {item.number}
              </Table.Th>
              {!compact && <Table.Td>{item.title}</Table.Td>}
              {!compact && <Table.Td>{name(item.court)}</Table.Td>}
              <Table.Td className="nowrap">
                {item.nextHearingDate ? formatDate(item.nextHearingDate, locale) : t("public.noHearing")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
