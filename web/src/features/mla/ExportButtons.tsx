import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API_BASE } from "../../app/api.ts";

/**
 * Downloads of the request for signature (Word to edit, PDF to print). Plain links: the session cookie goes with
 * them and the server scopes and audits each export, so there is nothing for the page to fetch itself.
 */
export function ExportButtons({ id }: { id: string }) {
  const { t } = useTranslation();
  const href = (format: "docx" | "pdf") =>
    `${API_BASE}/mla/requests/${encodeURIComponent(id)}/export.${format}`;
  return (
    <Stack gap={4} data-testid="mla-export">
      <Text size="sm" fw={600}>
        {t("mlaExport.label")}
      </Text>
      <Group gap="xs">
        <Button
          component="a"
          href={href("docx")}
          download
          variant="light"
          size="xs"
          data-testid="mla-export-docx"
        >
          {t("mlaExport.docx")}
        </Button>
        <Button
          component="a"
          href={href("pdf")}
          download
          variant="light"
          size="xs"
          data-testid="mla-export-pdf"
        >
          {t("mlaExport.pdf")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" maw={320}>
        {t("mlaExport.hint")}
      </Text>
    </Stack>
  );
}
