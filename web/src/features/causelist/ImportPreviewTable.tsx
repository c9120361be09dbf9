import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { CaseNumberLink } from "./ClashBadges.tsx";
import type { ImportPreview, ImportRow, ImportStatus } from "./importApi.ts";

const STATUS_COLOR: Record<ImportStatus, string> = {
  matched: "teal",
  listed: "gray",
  unmatched: "red",
};

/** How many rows will be scheduled, are already listed, or match no case. */
export function ImportCounts({ counts }: { counts: ImportPreview["counts"] }) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      data-testid="import-counts"
      data-matched={counts.matched}
      data-listed={counts.listed}
      data-unmatched={counts.unmatched}
    >
      <Badge color={STATUS_COLOR.matched} variant="light" tt="none" size="lg">
        {t("causeList.import.countMatched", { count: counts.matched })}
      </Badge>
      <Badge color={STATUS_COLOR.listed} variant="light" tt="none" size="lg">
        {t("causeList.import.countListed", { count: counts.listed })}
      </Badge>
      <Badge color={STATUS_COLOR.unmatched} variant="light" tt="none" size="lg">
        {t("causeList.import.countUnmatched", { count: counts.unmatched })}
      </Badge>
    </Group>
  );
}

/** Every row of the file, in its order: what was written, the case it matched, and what will happen. */
export function ImportPreviewTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="import-no-rows">
        {t("causeList.import.noRows")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing="xs" data-testid="import-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("causeList.import.line")}</Table.Th>
            <Table.Th>{t("causeList.import.written")}</Table.Th>
            <Table.Th>{t("causeList.import.matchedCase")}</Table.Th>
            <Table.Th>{t("hearings.date")}</Table.Th>
            <Table.Th>{t("hearings.time")}</Table.Th>
            <Table.Th>{t("causeList.serial")}</Table.Th>
            <Table.Th>{t("hearings.purpose")}</Table.Th>
            <Table.Th>{t("causeList.import.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <ImportPreviewRow key={r.line} r={r} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ImportPreviewRow({ r }: { r: ImportRow }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Table.Tr
      data-testid="import-row"
      data-line={r.line}
      data-status={r.status}
      data-reason={r.reason ?? ""}
      data-case-id={r.case?.id ?? ""}
      data-date={r.date ?? ""}
    >
      <Table.Td>
        <span className="ltr">{r.line}</span>
      </Table.Td>
      <Table.Td data-testid="import-row-written">{r.caseNumber ? <bdi>{r.caseNumber}</bdi> : "—"}</Table.Td>
      <Table.Td>
        {r.case ? (
          <Stack gap={2}>
            <CaseNumberLink c={r.case} testId="import-case-link" />
            <Text size="xs" c="dimmed">
              <bdi>{r.case.title}</bdi>
            </Text>
          </Stack>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td className="nowrap">{r.date ? formatDate(r.date, locale) : "—"}</Table.Td>
      <Table.Td>{r.time ? <span className="ltr nowrap">{r.time}</span> : "—"}</Table.Td>
      <Table.Td>{r.serial ? <span className="ltr">{r.serial}</span> : "—"}</Table.Td>
      <Table.Td>
        {r.purpose ? <bdi>{r.purpose}</bdi> : "—"}
        {r.coram && (
          <Text size="xs" c="dimmed">
            {t("hearings.coram")}: <bdi>{r.coram}</bdi>
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color={STATUS_COLOR[r.status]} tt="none" data-testid="import-status">
            {t(`causeList.import.status.${r.status}`)}
          </Badge>
          <RowReason r={r} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Why a row is not scheduled, in the reader's language. The server's own explanation is English: it is shown
 * beside the reason in the English interface, and as the reason's tooltip in either.
 */
function RowReason({ r }: { r: ImportRow }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (r.status === "matched") return null;
  const reason = r.reason
    ? t(`causeList.import.reasons.${r.reason}`)
    : r.status === "listed"
      ? t("causeList.import.listedHelp")
      : "";
  if (!reason) return null;
  // Shown only when it says more than the reason (e.g. which date could not be read).
  const detail = r.detail && r.detail.toLowerCase() !== reason.toLowerCase() ? r.detail : "";
  return (
    <Text size="xs" title={r.detail || undefined} data-testid="import-reason">
      {reason}
      {locale === "en" && detail && r.reason && (
        <Text span size="xs" c="dimmed" data-testid="import-detail">
          {" — "}
          <bdi>{detail}</bdi>
        </Text>
      )}
    </Text>
  );
}
