import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import {
  DASHBOARD_EXPORT_FORMATS,
  type DashboardTable,
} from "../../../../common/schemas/dashboard-export.ts";
import { API_BASE, buildQuery } from "../../app/api.ts";
import { FileDownloads } from "../../app/FileDownloads.tsx";

/** The organisation the dashboard shows (undefined: the reader's whole scope), for its tables' downloads. */
export const DashboardScope = createContext<string | undefined>(undefined);

export const tableExportUrl = (table: DashboardTable, format: string, organisationId?: string) =>
  `${API_BASE}/dashboard/export${buildQuery({ table, format, organisationId })}`;

/** "Download: CSV · XLSX · PDF" for one dashboard table, each link named with the table it downloads. */
export function TableDownloads({ table, title }: { table: DashboardTable; title: string }) {
  const { t } = useTranslation();
  const organisationId = useContext(DashboardScope);
  return (
    <FileDownloads
      testId={`dash-download-${table}`}
      formats={DASHBOARD_EXPORT_FORMATS}
      href={(format) => tableExportUrl(table, format, organisationId)}
      label={t("dashboard.download.label")}
      ariaLabel={(format) => t("dashboard.download.as", { table: title, format })}
    />
  );
}
