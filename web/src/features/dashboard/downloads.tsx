import { Anchor, Group, Text } from "@mantine/core";
import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import {
  DASHBOARD_EXPORT_FORMATS,
  type DashboardTable,
} from "../../../../common/schemas/dashboard-export.ts";
import { API_BASE, buildQuery } from "../../app/api.ts";

/** The organisation the dashboard shows (undefined: the reader's whole scope), for its tables' downloads. */
export const DashboardScope = createContext<string | undefined>(undefined);

export const tableExportUrl = (table: DashboardTable, format: string, organisationId?: string) =>
  `${API_BASE}/dashboard/export${buildQuery({ table, format, organisationId })}`;

/**
 * "Download: CSV · XLSX · PDF" for one dashboard table. Plain links (GET with the session cookie), so the
 * browser saves the file itself; each is named for a screen reader with the table it downloads.
 */
export function TableDownloads({ table, title }: { table: DashboardTable; title: string }) {
  const { t } = useTranslation();
  const organisationId = useContext(DashboardScope);
  return (
    <Group gap={6} data-testid={`dash-download-${table}`}>
      <Text size="xs" c="dimmed" aria-hidden>
        {t("dashboard.download.label")}
      </Text>
      {DASHBOARD_EXPORT_FORMATS.map((format) => (
        <Anchor
          key={format}
          href={tableExportUrl(table, format, organisationId)}
          download
          size="xs"
          c="teal.9" // 4.5:1 on white, as the figures' links
          underline="always"
          className="ltr"
          aria-label={t("dashboard.download.as", { table: title, format: format.toUpperCase() })}
          data-testid={`dash-download-${table}-${format}`}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}
