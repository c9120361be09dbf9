import {
  Accordion,
  Anchor,
  Badge,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatBytes, formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { type CaseDocument, downloadUrl, useDocuments } from "./api.ts";
import { UploadForm } from "./UploadForm.tsx";

type Props = { caseId: string; canUpload: boolean; canDownload: boolean };

export function DocumentsPanel({ caseId, canUpload, canDownload }: Props) {
  const { t } = useTranslation();
  const docs = useDocuments(caseId);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: canUpload ? 8 : 12 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t("documents.title")}
          </Title>
          {docs.isPending && (
            <Center p="md">
              <Loader size="sm" />
            </Center>
          )}
          {docs.isError && <QueryError error={docs.error} testId="documents-error" />}
          {docs.data && docs.data.length === 0 && (
            <Text c="dimmed" size="sm" data-testid="documents-empty">
              {t("documents.none")}
            </Text>
          )}
          {docs.data && docs.data.length > 0 && (
            <Accordion multiple variant="separated" data-testid="documents-list">
              {docs.data.map((d) => (
                <DocumentItem key={d.id} doc={d} canDownload={canDownload} />
              ))}
            </Accordion>
          )}
        </Card>
      </Grid.Col>
      {canUpload && (
        <Grid.Col span={{ base: 12, md: 4 }}>
          <UploadForm caseId={caseId} documents={docs.data ?? []} />
        </Grid.Col>
      )}
    </Grid>
  );
}

function DocumentItem({ doc, canDownload }: { doc: CaseDocument; canDownload: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const versions = [...doc.versions].sort((a, b) => b.version - a.version);
  const current = versions.find((v) => v.version === doc.currentVersion) ?? versions[0];
  return (
    <Accordion.Item value={doc.id} data-testid="document-item" data-document-id={doc.id}>
      <Accordion.Control>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="light">{t(`documentKind.${doc.kind}`)}</Badge>
          <Text fw={500} size="sm">
            <bdi>{doc.title}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {t("documents.versionN", { n: doc.currentVersion })}
            {current ? ` · ${formatDateTime(current.uploadedAt, locale)}` : ""}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("documents.version")}</Table.Th>
                <Table.Th>{t("documents.file")}</Table.Th>
                <Table.Th>{t("documents.uploadedBy")}</Table.Th>
                <Table.Th>{t("documents.uploadedAt")}</Table.Th>
                <Table.Th>{t("documents.size")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version} data-testid="document-version">
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>
                    {canDownload ? (
                      <Anchor
                        href={downloadUrl(doc.id, v.version)}
                        download={v.fileName}
                        className="ltr"
                        data-testid="document-download"
                      >
                        {v.fileName}
                      </Anchor>
                    ) : (
                      <span className="ltr">{v.fileName}</span>
                    )}
                    <Text size="xs" c="dimmed" className="ltr" title={v.sha256}>
                      sha256 {v.sha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{v.uploadedBy ? <bdi>{v.uploadedBy.fullName}</bdi> : "—"}</Table.Td>
                  <Table.Td>{formatDateTime(v.uploadedAt, locale)}</Table.Td>
                  <Table.Td>{formatBytes(v.sizeBytes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
