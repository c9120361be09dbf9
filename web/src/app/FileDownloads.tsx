import { Anchor, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API_BASE, buildQuery } from "./api.ts";

/** The file formats a list or report table is exported in (server: exports/export.table.ts). */
export const FILE_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The address of an export: `path` (under the API) with the list's own query and the format. */
export const exportUrl = (path: string, query: Record<string, string | number | undefined>, format: string) =>
  `${API_BASE}${path}${buildQuery({ ...query, format })}`;

/**
 * "Download: CSV · XLSX · PDF" for a list or a report table. Plain links (GET with the session cookie), so the
 * browser saves the file itself; each link is named for a screen reader with what it downloads (`what`, e.g.
 * "the tasks list"). `label` and `ariaLabel` override the words (the dashboard keeps its own).
 */
export function FileDownloads({
  href,
  what,
  testId,
  formats = FILE_FORMATS,
  label,
  ariaLabel,
}: {
  href: (format: FileFormat) => string;
  what?: string;
  testId: string;
  formats?: readonly FileFormat[];
  label?: string;
  ariaLabel?: (format: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} data-testid={testId}>
      <Text size="xs" c="dimmed" aria-hidden>
        {label ?? t("downloads.label")}
      </Text>
      {formats.map((format) => (
        <Anchor
          key={format}
          href={href(format)}
          download
          size="xs"
          c="teal.9" // 4.5:1 on white, as the figures' links
          underline="always"
          className="ltr"
          aria-label={
            ariaLabel?.(format.toUpperCase()) ?? t("downloads.as", { what, format: format.toUpperCase() })
          }
          data-testid={`${testId}-${format}`}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}
